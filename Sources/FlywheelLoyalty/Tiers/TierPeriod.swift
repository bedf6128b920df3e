public import FlywheelCore

/// The window qualifying activity is counted over.
public enum TierPeriod: Hashable, Sendable {
    /// Everything since joining; tiers are never lost except by refunds.
    case lifetime
    /// The local calendar year; a tier reached in a year is kept through the next one.
    case calendarYear
    /// The last 12 months, reviewed at each local month end.
    case rolling12Months
    /// Consecutive periods of `days` local days counted from `anchor`; a tier is kept through the next period.
    case everyNDays(days: Int, anchor: CivilDate)
}

extension TierPeriod: Codable {
    enum CodingKeys: String, CodingKey {
        case type, days, anchor
    }

    /// Reads `{"type": "lifetime"}`, `{"type": "calendar_year"}`, `{"type": "rolling_12_months"}` or
    /// `{"type": "every_n_days", "days": 90, "anchor": "2026-01-01"}` (anchor optional, default 1970-01-01).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "lifetime": self = .lifetime
        case "calendar_year": self = .calendarYear
        case "rolling_12_months": self = .rolling12Months
        case "every_n_days":
            let days = try c.decode(Int.self, forKey: .days)
            var anchor = CivilDate(daysSinceEpoch: 0)
            if let text = try c.decodeIfPresent(String.self, forKey: .anchor) {
                guard let parsed = CivilDate(iso: Substring(text)) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .anchor, in: c, debugDescription: "'\(text)' is not a date in the form YYYY-MM-DD")
                }
                anchor = parsed
            }
            self = .everyNDays(days: days, anchor: anchor)
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "unknown tier period '\(type)'; use lifetime, calendar_year, rolling_12_months "
                    + "or every_n_days")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .lifetime: try c.encode("lifetime", forKey: .type)
        case .calendarYear: try c.encode("calendar_year", forKey: .type)
        case .rolling12Months: try c.encode("rolling_12_months", forKey: .type)
        case .everyNDays(let days, let anchor):
            try c.encode("every_n_days", forKey: .type)
            try c.encode(days, forKey: .days)
            try c.encode(anchor.description, forKey: .anchor)
        }
    }
}
