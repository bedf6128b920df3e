import Foundation

extension EarningBoost.Window {
    enum CodingKeys: String, CodingKey {
        case type, start, end
    }

    /// Reads `{"type": "weekend"}`, `{"type": "birthday_month"}` or
    /// `{"type": "dates", "start": "2026-11-27T00:00:00Z", "end": "2026-11-30T00:00:00Z"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "weekend": self = .weekend
        case "birthday_month": self = .birthdayMonth
        case "dates":
            self = .dates(
                start: try container.decode(Date.self, forKey: .start),
                end: try container.decode(Date.self, forKey: .end))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "unknown boost window '\(type)'; use weekend, birthday_month or dates")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .weekend: try container.encode("weekend", forKey: .type)
        case .birthdayMonth: try container.encode("birthday_month", forKey: .type)
        case .dates(let start, let end):
            try container.encode("dates", forKey: .type)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
        }
    }
}
