/// Points a `give_points` step awards: `{"points": 100, "reason": "loyalty_launch"}`.
public struct PointsSpec: Hashable, Sendable, Codable {
    public var points: Int
    public var reason: String

    public init(points: Int, reason: String) {
        self.points = points
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case points, reason }

    public init(from decoder: any Decoder) throws {
        try KeyCheck.rejectUnknown(in: decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        points = try c.decode(Int.self, forKey: .points)
        reason = try c.decode(String.self, forKey: .reason)
    }
}

/// A coupon an `issue_coupon` step asks for: a percentage or a fixed amount off, valid for a while.
///
/// `{"percent_off": 10, "valid_for": "P30D", "code_prefix": "WB"}` or
/// `{"amount_off_minor": 500, "currency": "EUR", "valid_for": "P14D"}`.
public struct CouponSpec: Hashable, Sendable, Codable {
    public var percentOff: Int?
    public var amountOffMinor: Int64?
    public var currency: String?
    public var validFor: FlowDuration
    public var codePrefix: String?

    public init(
        percentOff: Int? = nil, amountOffMinor: Int64? = nil, currency: String? = nil, validFor: FlowDuration,
        codePrefix: String? = nil
    ) {
        self.percentOff = percentOff
        self.amountOffMinor = amountOffMinor
        self.currency = currency
        self.validFor = validFor
        self.codePrefix = codePrefix
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case percentOff = "percent_off"
        case amountOffMinor = "amount_off_minor"
        case currency
        case validFor = "valid_for"
        case codePrefix = "code_prefix"
    }

    public init(from decoder: any Decoder) throws {
        try KeyCheck.rejectUnknown(in: decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        percentOff = try c.decodeIfPresent(Int.self, forKey: .percentOff)
        amountOffMinor = try c.decodeIfPresent(Int64.self, forKey: .amountOffMinor)
        currency = try c.decodeIfPresent(String.self, forKey: .currency)
        validFor = try c.decode(FlowDuration.self, forKey: .validFor)
        codePrefix = try c.decodeIfPresent(String.self, forKey: .codePrefix)
    }
}

/// How urgent a support ticket is.
public enum TicketPriority: String, Sendable, Hashable, Codable, CaseIterable {
    case low, normal, high
}

/// A support ticket an `open_ticket` step opens: `{"topic": "delivery_problem", "priority": "high"}`.
public struct TicketSpec: Hashable, Sendable, Codable {
    public var topic: String
    public var priority: TicketPriority

    public init(topic: String, priority: TicketPriority = .normal) {
        self.topic = topic
        self.priority = priority
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case topic, priority }

    public init(from decoder: any Decoder) throws {
        try KeyCheck.rejectUnknown(in: decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        topic = try c.decode(String.self, forKey: .topic)
        priority = try c.decodeIfPresent(TicketPriority.self, forKey: .priority) ?? .normal
    }
}

/// A webhook a `call_webhook` step calls: `{"url": "https://…", "event": "vip_reached"}`.
public struct WebhookSpec: Hashable, Sendable, Codable {
    public var url: String
    /// The event name sent in the payload.
    public var event: String

    public init(url: String, event: String) {
        self.url = url
        self.event = event
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case url, event }

    public init(from decoder: any Decoder) throws {
        try KeyCheck.rejectUnknown(in: decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.decode(String.self, forKey: .url)
        event = try c.decode(String.self, forKey: .event)
    }
}

/// One arm of a random split: `{"variant": "a", "weight": 50, "next": "send_a"}`.
public struct SplitVariant: Hashable, Sendable, Codable {
    public var variant: String
    /// Relative weight (positive integers; 50/50, 1/2/1 …).
    public var weight: Int
    public var next: String?

    public init(variant: String, weight: Int, next: String?) {
        self.variant = variant
        self.weight = weight
        self.next = next
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case variant, weight, next }

    public init(from decoder: any Decoder) throws {
        try KeyCheck.rejectUnknown(in: decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        variant = try c.decode(String.self, forKey: .variant)
        weight = try c.decode(Int.self, forKey: .weight)
        next = try c.decodeIfPresent(String.self, forKey: .next)
    }
}
