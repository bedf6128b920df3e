public import Foundation

/// A scheduled segment send (newsletter): at `sendAt` the members of `segment` enter the flow `flowID` for
/// `campaign`, once per customer (the entry key `segment_send/<campaign>`).
public struct SegmentCampaign: Hashable, Codable, Sendable {
    /// Where a campaign stands. It leaves `scheduled` once.
    public enum Status: String, Codable, Hashable, Sendable, CaseIterable {
        /// Waiting for `sendAt`.
        case scheduled
        /// The segment was evaluated and its members entered.
        case sent
        /// Called off before it was sent.
        case cancelled
    }

    /// How far a send under way has come: the segment's members (evaluated as of `sendAt`, in byte order of
    /// customer id), how many were handled and entered, and the last one handled — where a send cut short
    /// (a crash, a restart, a graceful shutdown) goes on. `nil` until the first piece ran.
    public struct Progress: Hashable, Codable, Sendable {
        /// Customers in the segment as of `sendAt`.
        public var members: Int
        /// Members handled so far: entered, refused by the flow's filters or re-entry rule, or entered before.
        public var handled: Int
        /// Members entered into the flow so far.
        public var entered: Int
        /// The last member handled (customer id); the next piece starts after it.
        public var cursor: String?
        /// When the piece that wrote this ran.
        public var updatedAt: Date

        /// Progress from its parts.
        public init(members: Int, handled: Int, entered: Int, cursor: String?, updatedAt: Date) {
            self.members = members
            self.handled = handled
            self.entered = entered
            self.cursor = cursor
            self.updatedAt = updatedAt
        }
    }

    /// What a list shows: `scheduled` before the first piece, `sending` while pieces run, then `sent` or
    /// `cancelled`.
    public enum State: String, Codable, Hashable, Sendable, CaseIterable {
        case scheduled, sending, sent, cancelled
    }

    public var flowID: String
    public var campaign: String
    /// The segment's name as the send names it (a built-in segment or a saved one).
    public var segment: String
    /// When to send (UTC).
    public var sendAt: Date
    public var status: Status
    /// Who scheduled it (an admin's username or an API key's id), and when.
    public var createdBy: String
    public var createdAt: Date
    /// When it was sent or cancelled.
    public var finishedAt: Date?
    /// How far the send has come (`nil` before it started).
    public var progress: Progress?

    /// Where the campaign stands, with `sending` for a scheduled one under way.
    public var state: State {
        switch status {
        case .scheduled: progress == nil ? .scheduled : .sending
        case .sent: .sent
        case .cancelled: .cancelled
        }
    }

    /// A campaign from its parts (a new one is `scheduled`).
    public init(
        flowID: String, campaign: String, segment: String, sendAt: Date, status: Status = .scheduled,
        createdBy: String, createdAt: Date, finishedAt: Date? = nil, progress: Progress? = nil
    ) {
        self.progress = progress
        self.flowID = flowID
        self.campaign = campaign
        self.segment = segment
        self.sendAt = sendAt
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }

    /// Whether this send names the saved segment `name` (as `name` or `saved:name`): such a segment may not be
    /// deleted while the send is scheduled or under way.
    public func names(savedSegment name: String) -> Bool {
        segment == name || segment == "saved:" + name
    }
}
