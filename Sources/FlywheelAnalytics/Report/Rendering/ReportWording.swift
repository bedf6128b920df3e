public import FlywheelCore

/// The words and numbers of one rendered report: its language's labels and number format, applied to the
/// report's currency. Shared by the text and HTML renderers; a missing figure reads "no data".
public struct ReportWording: Sendable {
    public let strings: ReportStrings
    public let numbers: ReportNumberFormat
    /// The report's currency and its minor-unit digits.
    public let currency: String
    public let digits: Int

    /// The wording of `report` in `locale`.
    public init(_ report: RetentionReport, locale: ShopLocale) {
        strings = ReportStrings(locale)
        numbers = ReportNumberFormat(locale)
        currency = report.currency
        digits = report.minorUnitDigits
    }

    /// The label's text.
    public subscript(_ label: ReportLabel) -> String { strings[label] }

    /// "no data" in the report's language.
    public var noData: String { strings[.noData] }

    /// `1,234.56 USD`, or "no data".
    public func money(_ minor: Int64?) -> String {
        minor.map { numbers.money($0, digits: digits, currency: currency) } ?? noData
    }

    /// `1,234.56` (the currency named elsewhere), or "no data".
    public func amount(_ minor: Int64?) -> String { minor.map { numbers.amount($0, digits: digits) } ?? noData }

    /// `38.8 %`, or "no data".
    public func percent(_ fraction: Double?) -> String { fraction.map { numbers.percent($0) } ?? noData }

    /// `1,234`.
    public func count(_ value: Int) -> String { numbers.integer(value) }

    /// A number with `digits` decimals, or "no data".
    public func decimal(_ value: Double?, _ digits: Int) -> String {
        value.map { numbers.decimal($0, digits: digits) } ?? noData
    }

    /// `42.0 (1,234 answers)`, or "no data".
    public func score(_ score: ReportScore?) -> String {
        guard let score else { return noData }
        return "\(numbers.decimal(score.score, digits: 1)) (\(count(score.responses)) \(strings[.answers]))"
    }

    /// Parts of `excluded` worth telling, as "3 guest orders" phrases (empty when nothing was left out).
    public func excluded(_ excluded: ExcludedRecords) -> [String] {
        let parts: [(Int, ReportLabel)] = [
            (excluded.ordersInOtherCurrencies, .excludedOtherCurrencies), (excluded.guestOrders, .excludedGuestOrders),
            (excluded.refundsWithoutOrder, .excludedRefundsWithoutOrder),
            (excluded.refundsInOtherCurrencies, .excludedRefundsOtherCurrencies),
            (excluded.spendInOtherCurrencies, .excludedSpendOtherCurrencies),
            (excluded.answersOutOfScale, .excludedAnswersOutOfScale),
        ]
        return parts.filter { $0.0 > 0 }.map { "\(count($0.0)) \(strings[$0.1])" }
    }

    /// The lapse window in one sentence.
    public func lapseWindow(_ window: LapseWindow) -> String {
        strings.text(
            window.learned ? .lapseLearned : .lapseFallback, count(window.activeDays), count(window.lostDays),
            count(window.gaps))
    }
}
