public import FlywheelCore
import Foundation

/// Money and dates as a customer reads them in a message: `38,40 €` and `Donnerstag, 26. November` in
/// German, `€38.40` and `Thursday, 26 November` in English. Written by hand (like the report's number
/// format) so a message reads the same on every platform, whatever locale data the system has.
public struct MessageFormat: Sendable {
    /// The language of the message.
    public let locale: ShopLocale

    /// The format of `locale`.
    public init(_ locale: ShopLocale) { self.locale = locale }

    /// `1.234,50 €` (de) or `€1,234.50` (en); currencies without a common sign show their code.
    public func money(_ money: Money) -> String {
        let digits = money.currency.minorUnitDigits
        var divisor: Int64 = 1
        for _ in 0..<digits { divisor *= 10 }
        let magnitude = money.minorUnits.magnitude
        let whole = grouped(magnitude / UInt64(divisor))
        var amount = whole
        if digits > 0 {
            let fraction = String(magnitude % UInt64(divisor))
            amount += (locale == .de ? "," : ".") + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        let sign = money.minorUnits < 0 ? "-" : ""
        let symbol = Self.symbols[money.currency.code]
        switch locale {
        case .de: return sign + amount + " " + (symbol ?? money.currency.code)
        case .en: return symbol.map { sign + $0 + amount } ?? sign + money.currency.code + " " + amount
        }
    }

    /// `Donnerstag, 26. November` (de) or `Thursday, 26 November` (en), without the year.
    public func day(_ date: CivilDate) -> String {
        let weekday = CivilDate.weekday(daysSinceEpoch: date.daysSinceEpoch)
        switch locale {
        case .de: return "\(Self.weekdaysDE[weekday]), \(date.day). \(Self.monthsDE[date.month - 1])"
        case .en: return "\(Self.weekdaysEN[weekday]), \(date.day) \(Self.monthsEN[date.month - 1])"
        }
    }

    /// `26.11.2026` (de) or `26 November 2026` (en): a date with its year, for expiry dates.
    public func date(_ date: CivilDate) -> String {
        switch locale {
        case .de: return String(format: "%02d.%02d.%04d", date.day, date.month, date.year)
        case .en: return "\(date.day) \(Self.monthsEN[date.month - 1]) \(date.year)"
        }
    }

    /// The delivery window of a promise: `bis Donnerstag, 26. November` (de) or `by Thursday, 26 November`
    /// (en), to follow "arrives" / "kommt voraussichtlich".
    public func deliveryWindow(by date: CivilDate) -> String {
        (locale == .de ? "bis " : "by ") + day(date)
    }

    private func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += locale == .de ? "." : "," }
            out.append(char)
        }
        return out
    }

    private static let symbols = ["EUR": "€", "USD": "$", "GBP": "£"]
    // `CivilDate.weekday` counts from Monday = 0.
    private static let weekdaysDE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
    private static let weekdaysEN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let monthsDE = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
        "Dezember",
    ]
    private static let monthsEN = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
}
