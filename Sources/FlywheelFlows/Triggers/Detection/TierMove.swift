public import Foundation

/// A customer moved from one loyalty tier to another: what the loyalty programme reports (an upgrade at
/// once, a downgrade at a period end, a refund that took a tier away) and `tier_changed` flows start on.
public struct TierMove: Hashable, Sendable {
    public var customerID: String
    /// The tier before; `nil` for none.
    public var from: String?
    /// The tier after.
    public var to: String
    /// When the move took effect (the order that lifted the customer, the period end).
    public var at: Date

    public init(customerID: String, from: String?, to: String, at: Date) {
        self.customerID = customerID
        self.from = from
        self.to = to
        self.at = at
    }

    /// The `tier_changed` event, keyed by the move itself (`tier_changed/silver/gold/1764000000`: tiers and
    /// the instant, whole seconds): the programme derives the same move from the same stored facts every
    /// time, so a replayed batch, the sweep and a restart all give one key.
    public var detected: DetectedEvent {
        DetectedEvent(
            event: FlowEvent(customerID: customerID, occurredAt: at, trigger: .tierChanged(from: from, to: to)),
            key: "tier_changed/\(from ?? "none")/\(to)/\(Int64(at.timeIntervalSince1970.rounded(.down)))")
    }
}
