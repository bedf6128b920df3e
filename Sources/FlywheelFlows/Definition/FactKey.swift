/// A fact about the customer (or the event that moved the flow) that a condition can test.
///
/// Written in files as a name: `order_count`, `total_spent`, …, `event.order_number`, `attribute.<name>`.
public enum FactKey: Hashable, Sendable, CustomStringConvertible {
    /// Orders placed so far (integer).
    case orderCount
    /// Net spend so far in minor units of the shop currency (integer).
    case totalSpent
    /// Whole days since the last order (integer).
    case daysSinceLastOrder
    /// Whole days since the first order (integer).
    case daysSinceFirstOrder
    /// Predicted customer value in minor units (integer), from the analytics models.
    case predictedValue
    /// Probability that the customer is still active, 0…1.
    case pAlive
    /// Spendable loyalty points (integer).
    case pointsBalance
    /// Loyalty tier name (text).
    case tier
    /// Customer tags (list; use `contains`).
    case tags
    /// Segments the customer belongs to (list; use `contains`).
    case segments
    /// `de` or `en`.
    case locale
    /// Whether an order is still on its way (shipped, not delivered).
    case orderInTransit
    /// `unknown`, `pending`, `granted` or `revoked`.
    case emailConsent
    /// An attribute of the event that entered or last resumed the flow, e.g. `event.order_number`.
    case event(EventAttribute)
    /// A shop-defined attribute the caller supplies in `CustomerFacts.attributes`.
    case attribute(String)

    static let fixed: [(String, FactKey)] = [
        ("order_count", .orderCount), ("total_spent", .totalSpent), ("days_since_last_order", .daysSinceLastOrder),
        ("days_since_first_order", .daysSinceFirstOrder), ("predicted_value", .predictedValue), ("p_alive", .pAlive),
        ("points_balance", .pointsBalance), ("tier", .tier), ("tags", .tags), ("segments", .segments),
        ("locale", .locale), ("order_in_transit", .orderInTransit), ("email_consent", .emailConsent),
    ]

    /// Reads a fact name; `nil` for an unknown one.
    public init?(name: String) {
        if let hit = FactKey.fixed.first(where: { $0.0 == name }) {
            self = hit.1
        } else if name.hasPrefix("event.") {
            guard let attribute = EventAttribute(rawValue: String(name.dropFirst("event.".count))) else { return nil }
            self = .event(attribute)
        } else if name.hasPrefix("attribute."), name.count > "attribute.".count {
            self = .attribute(String(name.dropFirst("attribute.".count)))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .event(let attribute): return "event." + attribute.rawValue
        case .attribute(let name): return "attribute." + name
        default: return FactKey.fixed.first(where: { $0.1 == self })!.0
        }
    }
}

extension FactKey: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let key = FactKey(name: name) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown fact; use one of \(FactKey.fixed.map(\.0).joined(separator: ", ")), "
                    + "event.<attribute> or attribute.<name>")
        }
        self = key
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
