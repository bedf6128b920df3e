/// Whether a customer may enter a flow again.
///
/// In files: `{"rule": "every_time"}`, `{"rule": "not_while_active"}`, `{"rule": "once_ever"}`,
/// `{"rule": "once_per_days", "days": 90}`.
public enum ReentryRule: Hashable, Sendable {
    /// On every matching event, even while an earlier enrolment is still running (order confirmations).
    case everyTime
    /// Again once the earlier enrolment has ended (the default).
    case notWhileActive
    /// Never again after the first entry.
    case onceEver
    /// Not while active, and not within `days` days of the last entry.
    case oncePer(days: Int)
}

extension ReentryRule: Codable {
    private enum Keys: String, CodingKey, CaseIterable { case rule, days }

    public init(from decoder: any Decoder) throws {
        try KeyCheck.rejectUnknown(in: decoder, allowed: Set(Keys.allCases.map(\.rawValue)))
        let container = try decoder.container(keyedBy: Keys.self)
        let rule = try container.decode(String.self, forKey: .rule)
        switch rule {
        case "every_time": self = .everyTime
        case "not_while_active": self = .notWhileActive
        case "once_ever": self = .onceEver
        case "once_per_days": self = .oncePer(days: try container.decode(Int.self, forKey: .days))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .rule, in: container,
                debugDescription: "unknown rule; expected every_time, not_while_active, once_ever or once_per_days")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .everyTime: try container.encode("every_time", forKey: .rule)
        case .notWhileActive: try container.encode("not_while_active", forKey: .rule)
        case .onceEver: try container.encode("once_ever", forKey: .rule)
        case .oncePer(let days):
            try container.encode("once_per_days", forKey: .rule)
            try container.encode(days, forKey: .days)
        }
    }
}
