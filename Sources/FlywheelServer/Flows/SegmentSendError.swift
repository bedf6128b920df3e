/// Why a segment send was refused: which field, and what would be right. No customer data.
public struct SegmentSendError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: String, Hashable, Sendable {
        /// No switched-on flow has this id.
        case unknownFlow = "unknown_flow"
        /// The flow does not start on `segment_send`.
        case notASegmentFlow = "not_a_segment_flow"
        /// The segment name is not one the analytics knows.
        case unknownSegment = "unknown_segment"
        /// The campaign id is empty, too long or has other characters than `[A-Za-z0-9._-]`.
        case invalidCampaign = "invalid_campaign"
        /// `send_at` lies ahead of a send made now (`FlowService.scheduleSegmentSend` stores such sends).
        case sendAtAhead = "send_at_ahead"
        /// A campaign of this id is already scheduled (or was) for the flow.
        case campaignExists = "campaign_exists"
        /// No campaign of this id is scheduled for the flow.
        case unknownCampaign = "unknown_campaign"
        /// The campaign was sent already: too late to cancel.
        case campaignSent = "campaign_sent"
        /// The shop's analytics could not be read.
        case analyticsUnavailable = "analytics_unavailable"
    }

    public let kind: Kind
    /// The request field it is about (`flow`, `segment`, `campaign`, `send_at`), `nil` for none.
    public let field: String?
    public let reason: String

    init(_ kind: Kind, field: String?, _ reason: String) {
        self.kind = kind
        self.field = field
        self.reason = reason
    }

    public var description: String { "segment send: " + (field.map { "\($0): " } ?? "") + reason }
}
