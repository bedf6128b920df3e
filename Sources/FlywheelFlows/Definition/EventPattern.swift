/// An event kind plus conditions: a flow's trigger with its entry filters, or an exit goal.
///
/// In files: `{"event": "order_placed", "filters": [{"fact": "event.order_number", "op": "eq", "value": 1}]}`;
/// a cart trigger may say how long a checkout must be left alone: `{"event": "cart_abandoned", "after": "PT1H"}`.
public struct EventPattern: Hashable, Sendable {
    public var event: TriggerKind
    /// All must hold (on the customer's facts and the event) for the pattern to match.
    public var filters: [Condition]
    /// `cart_abandoned` triggers only: how long after a checkout's last update it counts as abandoned
    /// (`nil`: `EventPattern.defaultAbandonedAfter`, 60 minutes).
    public var after: FlowDuration?

    public init(event: TriggerKind, filters: [Condition] = [], after: FlowDuration? = nil) {
        self.event = event
        self.filters = filters
        self.after = after
    }

    /// A checkout counts as abandoned 60 minutes after its last update unless the trigger says otherwise.
    public static let defaultAbandonedAfter = FlowDuration.minutes(60)

    /// How long after its last update a checkout counts as abandoned for this trigger.
    public var abandonedAfter: FlowDuration { after ?? Self.defaultAbandonedAfter }
}

extension EventPattern: Codable {
    private enum Keys: String, CodingKey, CaseIterable { case event, filters, after }

    public init(from decoder: any Decoder) throws {
        try KeyCheck.rejectUnknown(in: decoder, allowed: Set(Keys.allCases.map(\.rawValue)))
        let container = try decoder.container(keyedBy: Keys.self)
        event = try container.decode(TriggerKind.self, forKey: .event)
        filters = try container.decodeIfPresent([Condition].self, forKey: .filters) ?? []
        after = try container.decodeIfPresent(FlowDuration.self, forKey: .after)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(event, forKey: .event)
        if !filters.isEmpty { try container.encode(filters, forKey: .filters) }
        try container.encodeIfPresent(after, forKey: .after)
    }
}
