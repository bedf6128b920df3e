public import FlywheelCore
import Foundation

/// The order-history layouts `flywheel import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// CDNOW_master.txt: `customer_id date number_of_cds dollar_value`, whitespace-separated, one header line.
    case cdnow
    /// CDNOW_sample.txt: `master_id sample_id date number_of_cds dollar_value`, no header.
    case cdnowSample = "cdnow-sample"
    /// Shopify's orders export CSV.
    case shopify
    /// Plain CSV: `customer_id`, `date`/`datetime`, `amount`, optional `order_id`, `currency`, `email`, `sku`,
    /// `quantity`, `channel`.
    case csv

    /// The currency a format's amounts are in when the file does not say: CDNOW's are US dollars.
    public func defaultCurrency(shop: ShopSettings) -> CurrencyCode {
        switch self {
        case .cdnow, .cdnowSample: .usd
        case .shopify, .csv: shop.currency
        }
    }

    func makeReader(currency: CurrencyCode, calendar: ShopCalendar, now: Date) -> any FormatReader {
        switch self {
        case .cdnow: CDNOWFormat(variant: .master, currency: currency, calendar: calendar, now: now)
        case .cdnowSample: CDNOWFormat(variant: .sample, currency: currency, calendar: calendar, now: now)
        case .shopify: ShopifyOrdersFormat(calendar: calendar, now: now)
        case .csv: PlainCSVFormat(defaultCurrency: currency, calendar: calendar, now: now)
        }
    }
}
