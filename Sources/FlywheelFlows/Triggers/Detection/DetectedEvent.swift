/// A trigger event found in the shop's data, with a key that names the fact it comes from.
///
/// The key is a function of the data alone (`order_placed/1001`, `order_delivered/SHIP-7`, `birthday/2026`),
/// never of when or how often it was detected, so a webhook delivered three times, a re-import or a sweep
/// that runs every hour all give the same key — and a flow is entered once per (flow, customer, key).
public struct DetectedEvent: Hashable, Sendable {
    public var event: FlowEvent
    public var key: String

    public init(event: FlowEvent, key: String) {
        self.event = event
        self.key = key
    }
}
