import FlywheelCore
import Foundation

/// Number, money and time formatting for terminal output.
enum Format {
    /// 1234567 → "1,234,567".
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func money(_ money: Money) -> String {
        let text = DecimalAmount.format(money.minorUnits, digits: money.currency.minorUnitDigits)
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = Int(parts[0]) ?? 0
        let sign = money.minorUnits < 0 && whole == 0 ? "-" : ""
        return sign + count(whole) + (parts.count > 1 ? ".\(parts[1])" : "") + " \(money.currency.code)"
    }

    static func percent(_ fraction: Double) -> String { String(format: "%.1f %%", fraction * 100) }

    static func duration(_ seconds: TimeInterval) -> String {
        seconds < 60 ? String(format: "%.1f s", seconds) : String(format: "%d min %02d s", Int(seconds) / 60, Int(seconds) % 60)
    }

    /// An instant as ISO 8601 in UTC.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
