import FlywheelAnalytics
import FlywheelCore
import Foundation

/// Builders for small hand-made shops: instants from text, orders with a few fields, engines from records.
enum TestShop {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let utc = TimeZone(identifier: "UTC")!

    /// The UTC instant of `2025-01-31T23:30:00Z`, or of a zone-less `2025-01-31 12:00` read in UTC.
    static func instant(_ text: String) -> Date {
        ShopCalendar(timeZone: utc).instant(of: TimestampText.parse(Substring(text))!)
    }

    /// An order worth `total` minor units; `lines` are (SKU, category) pairs sharing the total.
    static func order(
        _ id: String, _ customer: String?, _ at: String, _ total: Int64, channel: String? = nil,
        lines: [(sku: String?, category: String?)] = [], discount: String? = nil, cancelled: Bool = false,
        currency: CurrencyCode = .eur
    ) -> Order {
        var items: [LineItem] = []
        for (index, line) in lines.enumerated() {
            let share = index == 0 ? total - total / Int64(lines.count) * Int64(lines.count - 1) : total / Int64(lines.count)
            items.append(LineItem(sku: line.sku, title: line.sku, quantity: 1, totalMinor: share, category: line.category))
        }
        let placedAt = instant(at)
        return Order(
            externalID: id, customerExternalID: customer, placedAt: placedAt, channel: channel, currency: currency,
            lineItems: items, discounts: discount.map { [DiscountApplication(code: $0, amountMinor: 0)] } ?? [],
            subtotalMinor: total, totalMinor: total, financialStatus: cancelled ? .voided : .paid,
            cancelledAt: cancelled ? placedAt : nil)
    }

    /// A refund of `amount` minor units on order `order`.
    static func refund(_ id: String, order: String, _ at: String, _ amount: Int64, currency: CurrencyCode = .eur) -> Refund {
        Refund(externalID: id, orderExternalID: order, createdAt: instant(at), amountMinor: amount, currency: currency)
    }

    /// A survey answer.
    static func answer(_ id: String, _ customer: String, _ question: SurveyQuestion, _ score: Int, _ at: String) -> SurveyAnswer {
        SurveyAnswer(externalID: id, customerExternalID: customer, question: question, score: score, answeredAt: instant(at))
    }

    /// A review.
    static func review(_ id: String, _ customer: String, sku: String, rating: Int, _ at: String) -> Review {
        Review(externalID: id, customerExternalID: customer, sku: sku, rating: rating, createdAt: instant(at))
    }

    /// Spend of a channel in a month (`YYYY-MM`).
    static func spend(_ channel: String, _ month: String, _ amount: Int64) -> MarketingSpend {
        MarketingSpend(channel: channel, month: YearMonth(month)!, amount: Money(minorUnits: amount, currency: .eur))
    }

    /// An engine over `batch` for a EUR shop in `timeZone`.
    static func engine(
        _ batch: IngestBatch, timeZone: TimeZone = berlin, options: AnalyticsOptions = AnalyticsOptions()
    ) -> AnalyticsEngine {
        var table = OrderTable(currency: .eur, timeZone: timeZone)
        table.add(batch)
        return AnalyticsEngine(table: table, options: options)
    }

    /// A month period.
    static func month(_ text: String) -> Period { .month(YearMonth(text)!) }
}
