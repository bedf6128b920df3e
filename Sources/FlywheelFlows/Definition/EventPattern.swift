/// An event kind plus conditions: a flow's trigger with its entry filters, or an exit goal.
///
/// In files: `{"event": "order_placed", "filters": [{"fact": "event.order_number", "op": "eq", "value": 1}]}`.
public struct EventPattern: Hashable, Sendable {
    public var event: TriggerKind
    /// All must hold (on the customer's facts and the event) for the pattern to match.
    public var filters: [Condition]

    public init(event: TriggerKind, filters: [Condition] = []) {
        self.event = event
        self.filters = filters
    }
}

extension EventPattern: Codable {
    private enum Keys: String, CodingKey, CaseIterable { case event, filters }

    public init(from decoder: any Decoder) throws {
        try KeyCheck.rejectUnknown(in: decoder, allowed: Set(Keys.allCases.map(\.rawValue)))
        let container = try decoder.container(keyedBy: Keys.self)
        event = try container.decode(TriggerKind.self, forKey: .event)
        filters = try container.decodeIfPresent([Condition].self, forKey: .filters) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(event, forKey: .event)
        if !filters.isEmpty { try container.encode(filters, forKey: .filters) }
    }
}
