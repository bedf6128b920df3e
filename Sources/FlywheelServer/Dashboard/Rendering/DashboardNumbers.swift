import FlywheelAnalytics
import FlywheelCore
import Foundation

/// Figures as the dashboard writes them in its language: counts, money in the shop's currency, rates,
/// scores, days and months (`1.234,56 EUR`, `38,8 %`, `31.10.2026`, `Oktober 2026`).
struct DashboardNumbers {
    let locale: ShopLocale
    let currency: String
    let digits: Int
    let format: ReportNumberFormat
    private var noData: String { locale == .de ? "keine Daten" : "no data" }

    init(locale: ShopLocale, currency: String, digits: Int) {
        self.locale = locale
        self.currency = currency
        self.digits = digits
        format = ReportNumberFormat(locale)
    }

    func count(_ value: Int) -> String { format.integer(value) }
    /// Minor units as a number of major units (cents → euros), for chart axes.
    func major(_ minor: Int64) -> Double { Double(minor) / (0..<digits).reduce(1.0) { r, _ in r * 10 } }
    func money(_ minor: Int64?) -> String { minor.map { format.money($0, digits: digits, currency: currency) } ?? noData }
    func percent(_ fraction: Double?) -> String { fraction.map { format.percent($0) } ?? noData }
    func decimal(_ value: Double?, _ places: Int) -> String { value.map { format.decimal($0, digits: places) } ?? noData }
    func score(_ score: ReportScore?) -> String { score.map { format.decimal($0.score, digits: 1) } ?? noData }

    /// `31.10.2026` / `31 Oct 2026` for a `YYYY-MM-DD` day.
    func day(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return iso }
        if locale == .de { return String(format: "%02d.%02d.%04d", parts[2], parts[1], parts[0]) }
        return "\(parts[2]) \(Self.shortMonths[parts[1] - 1]) \(parts[0])"
    }

    func day(_ date: Date, calendar: ShopCalendar) -> String { day(calendar.localDate(of: date).description) }

    /// `Oktober 2026` / `October 2026` for `YYYY-MM`.
    func month(_ yearMonth: String) -> String {
        let parts = yearMonth.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[1]) else { return yearMonth }
        return "\((locale == .de ? Self.germanMonths : Self.englishMonths)[parts[1] - 1]) \(parts[0])"
    }

    /// `Okt 26` / `Oct 26`: a month on a chart's axis.
    func shortMonth(_ yearMonth: String) -> String {
        let parts = yearMonth.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[1]) else { return yearMonth }
        let names = locale == .de ? Self.germanShortMonths : Self.shortMonths
        return "\(names[parts[1] - 1]) \(String(format: "%02d", parts[0] % 100))"
    }

    /// A relative change as `up 12.0 %` / `plus 12,0 %`.
    func change(_ relative: Double, text: [String: String]) -> String {
        DashboardText.format(text[relative >= 0 ? "up" : "down"] ?? "", format.percent(abs(relative)))
    }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    private static let germanMonths = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
        "Dezember",
    ]
    private static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let germanShortMonths = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
}
