/// A value a condition compares with: a number, text, a yes/no, or a list (for `in` / `not_in`).
public enum FactValue: Hashable, Sendable {
    case int(Int64)
    case double(Double)
    case string(String)
    case bool(Bool)
    case list([FactValue])

    /// The value as a number, when it is one.
    var number: Double? {
        switch self {
        case .int(let v): Double(v)
        case .double(let v): v
        default: nil
        }
    }

    /// Equality that treats `2` and `2.0` alike.
    func matches(_ other: FactValue) -> Bool {
        if let a = number, let b = other.number { return a == b }
        return self == other
    }
}

extension FactValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let v = try? container.decode(Bool.self) {
            self = .bool(v)
        } else if let v = try? container.decode(Int64.self) {
            self = .int(v)
        } else if let v = try? container.decode(Double.self) {
            self = .double(v)
        } else if let v = try? container.decode(String.self) {
            self = .string(v)
        } else if let v = try? container.decode([FactValue].self) {
            self = .list(v)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a number, text, true/false or a list of them")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let v): try container.encode(v)
        case .double(let v): try container.encode(v)
        case .string(let v): try container.encode(v)
        case .bool(let v): try container.encode(v)
        case .list(let v): try container.encode(v)
        }
    }
}
