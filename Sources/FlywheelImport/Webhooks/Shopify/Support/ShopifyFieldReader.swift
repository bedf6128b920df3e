import Foundation
import FlywheelCore

/// Reads typed values out of decoded payload fields (money strings, times, ids, currencies), turning every
/// problem into a `ShopifyWebhookError` at the field's JSON path.
struct ShopifyFieldReader {
    let topic: ShopifyWebhookTopic
    let calendar: ShopCalendar

    func invalid(_ path: String, _ reason: String) -> ShopifyWebhookError {
        ShopifyWebhookError(kind: .invalidPayload, topic: topic, path: path, reason: reason)
    }

    /// The id as a decimal string; Shopify ids are positive.
    func id(_ id: ShopifyID, _ path: String) throws(ShopifyWebhookError) -> String {
        guard id.value > 0 else { throw invalid(path, "must be a positive Shopify id") }
        return id.text
    }

    func currency(_ code: String, _ path: String) throws(ShopifyWebhookError) -> CurrencyCode {
        guard let currency = CurrencyCode(code.uppercased()) else {
            throw invalid(path, "is not an ISO 4217 currency code such as EUR or USD")
        }
        return currency
    }

    /// A decimal money string (`"199.00"`) in minor units of `currency`, exactly, using the currency's
    /// exponent (`"1500"` yen is 1500, `"12.345"` dinar is 12345). Shopify's amounts are never negative.
    func amount(_ text: String, _ path: String, _ currency: CurrencyCode) throws(ShopifyWebhookError) -> Int64 {
        switch DecimalAmount.parse(Substring(text), digits: currency.minorUnitDigits) {
        case .success(let value):
            guard value >= 0 else { throw invalid(path, "must not be negative") }
            return value
        case .failure(.tooManyDecimals(let allowed)):
            throw invalid(path, "has more than \(allowed) decimal places, more than \(currency.code) has")
        case .failure(let failure):
            throw invalid(path, failure.description)
        }
    }

    /// `a + b` for sums of amounts; an overflow is reported at `path`.
    func sum(_ a: Int64, _ b: Int64, _ path: String) throws(ShopifyWebhookError) -> Int64 {
        let (result, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw invalid(path, "adds up to more than Flywheel can store") }
        return result
    }

    /// A Shopify time (`2021-12-31T19:00:00-05:00`) as a UTC instant; a time without offset is read in the
    /// shop's time zone.
    func instant(_ text: String, _ path: String) throws(ShopifyWebhookError) -> Date {
        guard let parsed = TimestampText.parse(Substring(text)) else {
            throw invalid(path, "is not a date-time such as 2021-12-31T19:00:00-05:00")
        }
        return calendar.instant(of: parsed)
    }

    /// `nil` for a missing, `null` or empty time.
    func optionalInstant(_ text: String?, _ path: String) throws(ShopifyWebhookError) -> Date? {
        guard let text = Self.nonEmpty(text) else { return nil }
        return try instant(text, path)
    }

    /// The text without surrounding white space, or `nil` when nothing is left.
    static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
