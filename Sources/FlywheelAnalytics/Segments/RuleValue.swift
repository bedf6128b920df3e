/// The value a rule compares with: a number (money in minor units, days, counts), a text or a flag.
/// Encoded as the plain JSON value: `3`, `"At Risk"`, `true`.
public enum RuleValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case number(Int64)
    case text(String)
    case flag(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? container.decode(Int64.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        case .flag(let flag): try container.encode(flag)
        }
    }

    /// The value as written in a rule: `3`, `"At Risk"`, `true`.
    public var description: String {
        switch self {
        case .number(let number): "\(number)"
        case .text(let text): "\"\(text)\""
        case .flag(let flag): "\(flag)"
        }
    }
}
