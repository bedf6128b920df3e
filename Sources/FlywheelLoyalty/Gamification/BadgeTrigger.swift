/// What earns a badge or milestone.
public enum BadgeTrigger: Hashable, Sendable {
    /// The customer's `count`-th order (not refunded in full), e.g. 1 for "first order", 5 for "fifth order".
    case orderCount(Int)
    /// Lifetime spend reaching `minor` minor units.
    case spend(minor: Int64)
    /// The `count`-th time the customer did `action` (e.g. the first review).
    case action(EarningAction, count: Int)
    /// `days` days since the customer's first order (365 for the one-year anniversary).
    case anniversary(days: Int)
}

extension BadgeTrigger: Codable {
    enum CodingKeys: String, CodingKey {
        case type, count, action, days
        case amountMinor = "amount_minor"
    }

    /// Reads `{"type": "order_count", "count": 5}`, `{"type": "spend", "amount_minor": 50000}`,
    /// `{"type": "action", "action": "review", "count": 1}` or `{"type": "anniversary", "days": 365}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "order_count": self = .orderCount(try c.decode(Int.self, forKey: .count))
        case "spend": self = .spend(minor: try c.decode(Int64.self, forKey: .amountMinor))
        case "action":
            self = .action(
                try c.decode(EarningAction.self, forKey: .action),
                count: try c.decodeIfPresent(Int.self, forKey: .count) ?? 1)
        case "anniversary": self = .anniversary(days: try c.decode(Int.self, forKey: .days))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "unknown badge trigger '\(type)'; use order_count, spend, action or anniversary")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .orderCount(let count):
            try c.encode("order_count", forKey: .type)
            try c.encode(count, forKey: .count)
        case .spend(let minor):
            try c.encode("spend", forKey: .type)
            try c.encode(minor, forKey: .amountMinor)
        case .action(let action, let count):
            try c.encode("action", forKey: .type)
            try c.encode(action, forKey: .action)
            try c.encode(count, forKey: .count)
        case .anniversary(let days):
            try c.encode("anniversary", forKey: .type)
            try c.encode(days, forKey: .days)
        }
    }
}
