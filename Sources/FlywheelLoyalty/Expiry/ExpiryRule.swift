/// When points expire.
public enum ExpiryRule: Hashable, Sendable {
    /// Never.
    case never
    /// The whole balance after `months` months without earning or redeeming.
    case inactivity(months: Int)
    /// Each lot `months` months after it was earned; with `roundToMonthEnd`, at the end of that local month.
    case lotAge(months: Int, roundToMonthEnd: Bool)

    /// The rule's period in months; `nil` for `never`.
    public var months: Int? {
        switch self {
        case .never: nil
        case .inactivity(let months), .lotAge(let months, _): months
        }
    }
}

extension ExpiryRule: Codable {
    enum CodingKeys: String, CodingKey {
        case type, months
        case roundToMonthEnd = "round_to_month_end"
    }

    /// Reads `{"type": "never"}`, `{"type": "inactivity", "months": 12}` or
    /// `{"type": "lot_age", "months": 12, "round_to_month_end": true}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "never": self = .never
        case "inactivity": self = .inactivity(months: try c.decode(Int.self, forKey: .months))
        case "lot_age":
            self = .lotAge(
                months: try c.decode(Int.self, forKey: .months),
                roundToMonthEnd: try c.decodeIfPresent(Bool.self, forKey: .roundToMonthEnd) ?? false)
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "unknown expiry type '\(type)'; use never, inactivity or lot_age")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .never: try c.encode("never", forKey: .type)
        case .inactivity(let months):
            try c.encode("inactivity", forKey: .type)
            try c.encode(months, forKey: .months)
        case .lotAge(let months, let round):
            try c.encode("lot_age", forKey: .type)
            try c.encode(months, forKey: .months)
            try c.encode(round, forKey: .roundToMonthEnd)
        }
    }
}
