/// A yes/no test on the customer's facts and the current event: entry filters, condition splits, goals.
///
/// In files: `{"fact": "order_count", "op": "gte", "value": 2}`, `{"all": [...]}`, `{"any": [...]}`,
/// `{"not": {...}}`.
public indirect enum Condition: Hashable, Sendable {
    case compare(FactKey, ComparisonOperator, FactValue?)
    case all([Condition])
    case any([Condition])
    case not(Condition)
}

extension Condition: Codable {
    private enum Keys: String, CodingKey {
        case fact, op, value, all, any, not
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if container.contains(.all) {
            self = .all(try container.decode([Condition].self, forKey: .all))
        } else if container.contains(.any) {
            self = .any(try container.decode([Condition].self, forKey: .any))
        } else if container.contains(.not) {
            self = .not(try container.decode(Condition.self, forKey: .not))
        } else if container.contains(.fact) {
            let fact = try container.decode(FactKey.self, forKey: .fact)
            let op = try container.decode(ComparisonOperator.self, forKey: .op)
            let value = try container.decodeIfPresent(FactValue.self, forKey: .value)
            self = .compare(fact, op, value)
        } else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath, debugDescription: "a condition needs fact/op/value, all, any or not"
                ))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .compare(let fact, let op, let value):
            try container.encode(fact, forKey: .fact)
            try container.encode(op, forKey: .op)
            try container.encodeIfPresent(value, forKey: .value)
        case .all(let items): try container.encode(items, forKey: .all)
        case .any(let items): try container.encode(items, forKey: .any)
        case .not(let inner): try container.encode(inner, forKey: .not)
        }
    }
}
