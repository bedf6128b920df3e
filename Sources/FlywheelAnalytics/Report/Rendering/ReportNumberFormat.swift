public import FlywheelCore
import Foundation

/// Numbers, money and rates as a report shows them in German (`1.234,5`) or English (`1,234.5`). Written
/// by hand rather than with `NumberFormatter`, so the output is the same on every platform.
public struct ReportNumberFormat: Sendable {
    /// The language whose separators apply.
    public let locale: ShopLocale
    private let group: String
    private let decimal: String

    /// The format of `locale`.
    public init(_ locale: ShopLocale) {
        self.locale = locale
        group = locale == .de ? "." : ","
        decimal = locale == .de ? "," : "."
    }

    /// `1,234,567`.
    public func integer(_ value: Int) -> String { grouped(Int64(value)) }

    /// `1,234.57` with `digits` decimals (rounded half away from zero); `-` for a value that is not finite.
    public func decimal(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e17 else { return value < 0 ? "-∞" : "∞" }
        let units = Int64(scaled)
        let sign = value < 0 && units != 0 ? "-" : ""
        return sign + fixed(units, digits: digits)
    }

    /// A fraction as a percentage with one decimal: `38.8 %`.
    public func percent(_ fraction: Double, digits: Int = 1) -> String {
        decimal(fraction * 100, digits: digits) + " %"
    }

    /// Minor units as a decimal amount without the currency: `1,234.56`.
    public func amount(_ minorUnits: Int64, digits: Int) -> String {
        let sign = minorUnits < 0 ? "-" : ""
        return sign + fixed(Int64(minorUnits.magnitude), digits: digits)
    }

    /// Minor units with the currency code: `1,234.56 USD`.
    public func money(_ minorUnits: Int64, digits: Int, currency: String) -> String {
        amount(minorUnits, digits: digits) + " " + currency
    }

    /// A non-negative scaled integer with `digits` decimals, grouped: 123456, 2 → `1,234.56`.
    private func fixed(_ units: Int64, digits: Int) -> String {
        var divisor: Int64 = 1
        for _ in 0..<digits { divisor *= 10 }
        let whole = grouped(units / divisor)
        guard digits > 0 else { return whole }
        let fraction = String(units % divisor)
        return whole + decimal + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    private func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += group }
            out.append(char)
        }
        return (value < 0 ? "-" : "") + out
    }
}
