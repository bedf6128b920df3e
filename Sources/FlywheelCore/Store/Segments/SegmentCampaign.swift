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

    /// A campaign from its parts (a new one is `scheduled`).
    public init(
        flowID: String, campaign: String, segment: String, sendAt: Date, status: Status = .scheduled,
        createdBy: String, createdAt: Date, finishedAt: Date? = nil
    ) {
        self.flowID = flowID
        self.campaign = campaign
        self.segment = segment
        self.sendAt = sendAt
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}
