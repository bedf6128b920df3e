/// How long a wait step waits.
///
/// In files one of: `{"for": "P3D"}`, `{"until_time": {...}}`, `{"until_event": {...}}`, `{"until_date": {...}}`.
public enum WaitSpec: Hashable, Sendable {
    /// A fixed span after arriving at the step.
    case duration(FlowDuration)
    /// The next occurrence of a wall-clock time (strictly after arrival).
    case untilTime(TimeOfDay, zone: ZoneChoice)
    /// Until an event arrives, or the timeout passes.
    case untilEvent(EventWait)
    /// Until a date from the customer's facts, moved by an offset.
    case untilDate(DateWait)
}

/// Whose time zone a wall-clock time is read in.
public enum ZoneChoice: String, Sendable, Hashable, Codable {
    /// The customer's zone when known, else the shop's.
    case customer
    case shop
}

/// A wait for an event with a timeout.
public struct EventWait: Hashable, Sendable {
    public var event: TriggerKind
    /// Extra conditions the event must meet.
    public var filters: [Condition]
    /// How long to wait at most (must be positive).
    public var timeout: FlowDuration
    /// Where to go on timeout; `nil` ends the flow with `.eventTimeout`. On the event the step's `next` is taken.
    public var onTimeout: String?

    public init(event: TriggerKind, filters: [Condition] = [], timeout: FlowDuration, onTimeout: String? = nil) {
        self.event = event
        self.filters = filters
        self.timeout = timeout
        self.onTimeout = onTimeout
    }
}

/// A date a wait can run to.
public enum DateField: String, Sendable, Hashable, Codable, CaseIterable {
    /// The expected delivery time of the order that entered the flow.
    case expectedDelivery = "expected_delivery"
    /// The customer's next birthday (local midnight).
    case birthday
    /// The next anniversary of the first order (local midnight).
    case firstOrderAnniversary = "first_order_anniversary"
    /// When the customer's earliest points expire.
    case pointsExpiry = "points_expiry"
    /// The last order's time.
    case lastOrder = "last_order"
}

/// A wait until a date field plus an offset, optionally at a wall-clock time on that day.
public struct DateWait: Hashable, Sendable {
    public var field: DateField
    /// Added to the date (negative: before it).
    public var offset: FlowDuration
    /// When set, the resulting day at this local time.
    public var at: TimeOfDay?
    public var zone: ZoneChoice

    public init(
        field: DateField, offset: FlowDuration = FlowDuration(seconds: 0), at: TimeOfDay? = nil,
        zone: ZoneChoice = .customer
    ) {
        self.field = field
        self.offset = offset
        self.at = at
        self.zone = zone
    }
}

extension WaitSpec: Codable {
    private enum Keys: String, CodingKey, CaseIterable {
        case duration = "for"
        case untilTime = "until_time"
        case untilEvent = "until_event"
        case untilDate = "until_date"
    }
    private enum TimeKeys: String, CodingKey, CaseIterable { case at, zone }
    private enum EventKeys: String, CodingKey, CaseIterable {
        case event, filters, timeout
        case onTimeout = "on_timeout"
    }
    private enum DateKeys: String, CodingKey, CaseIterable { case field, offset, at, zone }

    public init(from decoder: any Decoder) throws {
        try KeyCheck.rejectUnknown(in: decoder, allowed: Set(Keys.allCases.map(\.rawValue)))
        let container = try decoder.container(keyedBy: Keys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "a wait needs exactly one of for, until_time, until_event, until_date"))
        }
        switch key {
        case .duration:
            self = .duration(try container.decode(FlowDuration.self, forKey: .duration))
        case .untilTime:
            let nested = try container.superDecoder(forKey: .untilTime)
            try KeyCheck.rejectUnknown(in: nested, allowed: Set(TimeKeys.allCases.map(\.rawValue)))
            let c = try nested.container(keyedBy: TimeKeys.self)
            self = .untilTime(
                try c.decode(TimeOfDay.self, forKey: .at),
                zone: try c.decodeIfPresent(ZoneChoice.self, forKey: .zone) ?? .customer)
        case .untilEvent:
            let nested = try container.superDecoder(forKey: .untilEvent)
            try KeyCheck.rejectUnknown(in: nested, allowed: Set(EventKeys.allCases.map(\.rawValue)))
            let c = try nested.container(keyedBy: EventKeys.self)
            self = .untilEvent(
                EventWait(
                    event: try c.decode(TriggerKind.self, forKey: .event),
                    filters: try c.decodeIfPresent([Condition].self, forKey: .filters) ?? [],
                    timeout: try c.decode(FlowDuration.self, forKey: .timeout),
                    onTimeout: try c.decodeIfPresent(String.self, forKey: .onTimeout)))
        case .untilDate:
            let nested = try container.superDecoder(forKey: .untilDate)
            try KeyCheck.rejectUnknown(in: nested, allowed: Set(DateKeys.allCases.map(\.rawValue)))
            let c = try nested.container(keyedBy: DateKeys.self)
            self = .untilDate(
                DateWait(
                    field: try c.decode(DateField.self, forKey: .field),
                    offset: try c.decodeIfPresent(FlowDuration.self, forKey: .offset) ?? FlowDuration(seconds: 0),
                    at: try c.decodeIfPresent(TimeOfDay.self, forKey: .at),
                    zone: try c.decodeIfPresent(ZoneChoice.self, forKey: .zone) ?? .customer))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .duration(let d):
            try container.encode(d, forKey: .duration)
        case .untilTime(let time, let zone):
            var c = container.nestedContainer(keyedBy: TimeKeys.self, forKey: .untilTime)
            try c.encode(time, forKey: .at)
            try c.encode(zone, forKey: .zone)
        case .untilEvent(let wait):
            var c = container.nestedContainer(keyedBy: EventKeys.self, forKey: .untilEvent)
            try c.encode(wait.event, forKey: .event)
            if !wait.filters.isEmpty { try c.encode(wait.filters, forKey: .filters) }
            try c.encode(wait.timeout, forKey: .timeout)
            try c.encodeIfPresent(wait.onTimeout, forKey: .onTimeout)
        case .untilDate(let wait):
            var c = container.nestedContainer(keyedBy: DateKeys.self, forKey: .untilDate)
            try c.encode(wait.field, forKey: .field)
            try c.encode(wait.offset, forKey: .offset)
            try c.encodeIfPresent(wait.at, forKey: .at)
            try c.encode(wait.zone, forKey: .zone)
        }
    }
}
