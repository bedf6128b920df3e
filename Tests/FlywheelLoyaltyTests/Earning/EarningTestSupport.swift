import FlywheelCore
import Foundation

@testable import FlywheelLoyalty

/// Orders, instants and calendars for the earning tests.
enum EarningTestSupport {
    static let berlin = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
    static let utc = ShopCalendar(timeZone: TimeZone(identifier: "UTC")!)

    /// The UTC instant of `yyyy-mm-dd` at `hour:minute` UTC.
    static func utcInstant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 12, _ minute: Int = 0) -> Date {
        utc.instant(localDate: CivilDate(year: year, month: month, day: day)!, secondsOfDay: hour * 3600 + minute * 60)
    }

    /// A EUR order (unless `currency` says otherwise) placed at `placedAt`; the total is derived.
    static func order(
        lines: [LineItem] = [], discountMinor: Int64 = 0, subtotalMinor: Int64? = nil, shippingMinor: Int64 = 0,
        taxMinor: Int64 = 0, taxesIncluded: Bool = false, currency: CurrencyCode = .eur,
        placedAt: Date = utcInstant(2026, 11, 25)
    ) -> Order {
        let subtotal = subtotalMinor ?? (lines.reduce(0) { $0 + $1.totalMinor } - discountMinor)
        let discounts = discountMinor > 0 ? [DiscountApplication(code: "SAVE", amountMinor: discountMinor)] : []
        return Order(
            externalID: "o1", customerExternalID: "c1", placedAt: placedAt, currency: currency, lineItems: lines,
            discounts: discounts, subtotalMinor: subtotal, shippingMinor: shippingMinor, taxMinor: taxMinor,
            taxesIncluded: taxesIncluded,
            totalMinor: subtotal + shippingMinor + (taxesIncluded ? 0 : taxMinor))
    }
}
