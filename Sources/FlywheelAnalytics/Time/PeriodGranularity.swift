/// How long a reporting period is: a calendar month, quarter or year in the shop's time zone.
public enum PeriodGranularity: String, Codable, Hashable, Sendable, CaseIterable {
    case month
    case quarter
    case year

    /// The period index (counted from January 1900) of a month index (months since January 1900).
    @inline(__always)
    func index(ofMonthIndex month: Int) -> Int {
        switch self {
        case .month: month
        case .quarter: month / 3
        case .year: month / 12
        }
    }

    /// How many months one period spans.
    var months: Int {
        switch self {
        case .month: 1
        case .quarter: 3
        case .year: 12
        }
    }
}
