import FlywheelCore
import Foundation

/// Small records for the conformance checks. Every instant is a whole second, which every engine keeps exactly.
enum StoreFixtures {
    static let jpy = CurrencyCode("JPY")!

    /// 2024-01-01T00:00:00Z plus whole days and seconds.
    static func date(day: Int, second: Int = 0) -> Date {
        Date(timeIntervalSince1970: TimeInterval(1_704_067_200 + day * 86_400 + second))
    }

    /// A one-line order of `total` minor units.
    static func order(
        _ id: String, customer: String?, day: Int, second: Int = 0, total: Int64 = 1_000, currency: CurrencyCode = .eur,
        cancelled: Bool = false
    ) -> Order {
        Order(
            externalID: id, customerExternalID: customer, placedAt: date(day: day, second: second), currency: currency,
            lineItems: [LineItem(sku: "SKU-1", title: "Tea", quantity: 1, totalMinor: total)], subtotalMinor: total,
            totalMinor: total, cancelledAt: cancelled ? date(day: day, second: second + 3_600) : nil)
    }

    static func refund(_ id: String, order: String, day: Int, amount: Int64, currency: CurrencyCode = .eur) -> Refund {
        Refund(
            externalID: id, orderExternalID: order, createdAt: date(day: day), amountMinor: amount, currency: currency)
    }

    static func shipment(_ id: String, order: String, day: Int = 1) -> Shipment {
        Shipment(
            externalID: id, orderExternalID: order, supplier: "Lager Nord", carrier: "DHL", trackingNumber: "00340434",
            shippedAt: date(day: day), promisedBy: date(day: day + 3), deliveredAt: nil)
    }

    static func returnRequest(_ id: String, order: String, day: Int = 5) -> ReturnRequest {
        ReturnRequest(
            externalID: id, orderExternalID: order, requestedAt: date(day: day), reason: "damaged", status: .requested,
            quantity: 1, sku: "SKU-1")
    }

    static func answer(_ id: String, customer: String, order: String? = nil, day: Int, score: Int = 9) -> SurveyAnswer {
        SurveyAnswer(
            externalID: id, customerExternalID: customer, orderExternalID: order, question: .nps, score: score,
            comment: "Schnelle Lieferung", locale: .de, answeredAt: date(day: day))
    }

    static func review(_ id: String, customer: String, order: String? = nil, day: Int, rating: Int = 5) -> Review {
        Review(
            externalID: id, customerExternalID: customer, orderExternalID: order, sku: "SKU-1", rating: rating,
            title: "Lecker", body: "Sehr guter Tee", locale: .de, hasPhoto: false, createdAt: date(day: day))
    }

    static func product(_ sku: String, title: String = "Tea", price: Int64 = 1_000) -> Product {
        Product(
            sku: sku, title: title, category: "Tea", vendor: "Teehaus", price: Money(minorUnits: price, currency: .eur),
            reorderCycleDays: 30)
    }

    static func spend(_ channel: String, _ year: Int, _ month: Int, _ amount: Int64) -> MarketingSpend {
        MarketingSpend(
            channel: channel, month: YearMonth(year: year, month: month)!,
            amount: Money(minorUnits: amount, currency: .eur))
    }

    /// A customer who told the shop everything.
    static func fullCustomer(_ id: String, day: Int = 0) -> Customer {
        Customer(
            externalID: id, email: "\(id)@example.com", firstName: "Jürgen", lastName: "Öztürk",
            birthday: CivilDate(year: 1985, month: 2, day: 28), locale: .de,
            consent: MarketingConsent(email: .granted, sms: .revoked, updatedAt: date(day: day, second: 60)),
            createdAt: date(day: day))
    }

    /// Counts with the given tallies (created, updated, unchanged); kinds not named are zero.
    static func counts(
        customers: (Int, Int, Int) = (0, 0, 0), products: (Int, Int, Int) = (0, 0, 0),
        orders: (Int, Int, Int) = (0, 0, 0),
        refunds: (Int, Int, Int) = (0, 0, 0), shipments: (Int, Int, Int) = (0, 0, 0),
        returns: (Int, Int, Int) = (0, 0, 0),
        marketingSpend: (Int, Int, Int) = (0, 0, 0), surveyAnswers: (Int, Int, Int) = (0, 0, 0),
        reviews: (Int, Int, Int) = (0, 0, 0)
    ) -> IngestCounts {
        func tally(_ t: (Int, Int, Int)) -> UpsertTally { UpsertTally(created: t.0, updated: t.1, unchanged: t.2) }
        var counts = IngestCounts()
        counts.customers = tally(customers)
        counts.products = tally(products)
        counts.orders = tally(orders)
        counts.refunds = tally(refunds)
        counts.shipments = tally(shipments)
        counts.returns = tally(returns)
        counts.marketingSpend = tally(marketingSpend)
        counts.surveyAnswers = tally(surveyAnswers)
        counts.reviews = tally(reviews)
        return counts
    }
}
