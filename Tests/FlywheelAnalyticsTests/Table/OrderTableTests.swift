import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("OrderTable: records into columns")
struct OrderTableTests {
    private func table(_ batch: IngestBatch, timeZone: TimeZone = TestShop.berlin) -> OrderTable {
        var table = OrderTable(currency: .eur, timeZone: timeZone)
        table.add(batch)
        return table
    }

    @Test("an order at 23:30 UTC on 31 January is on 1 February in Europe/Berlin, still 31 January in UTC")
    func localDay() throws {
        let order = TestShop.order("o", "A", "2025-01-31T23:30:00Z", 100)
        let berlin = table(IngestBatch(orders: [order]))
        let utc = table(IngestBatch(orders: [order]), timeZone: TestShop.utc)
        #expect(CivilDate(daysSinceEpoch: Int(berlin.day[0])) == CivilDate(year: 2025, month: 2, day: 1))
        #expect(CivilDate(daysSinceEpoch: Int(utc.day[0])) == CivilDate(year: 2025, month: 1, day: 31))
        #expect(berlin.month[0] == Int16((2025 - 1900) * 12 + 1))
        #expect(berlin.placedAt[0] == Int64(TestShop.instant("2025-01-31T23:30:00Z").timeIntervalSince1970))
    }

    @Test("other currencies and guest orders are counted and left out; refunds net the order")
    func handShop() throws {
        let table = table(HandShop.batch)
        #expect(table.orderCount == 7)
        #expect(table.customers.count == 4)
        #expect(table.excluded.ordersInOtherCurrencies == 1)
        #expect(table.excluded.guestOrders == 1)
        let o3 = try #require(table.row(ofOrder: "o3"))
        #expect(table.gross[o3] == 8_000 && table.net[o3] == 5_000 && table.flags[o3].isPurchase)
        let o5 = try #require(table.row(ofOrder: "o5"))
        #expect(table.net[o5] == 0 && table.flags[o5].contains(.fullyRefunded) && !table.flags[o5].isPurchase)
        let o6 = try #require(table.row(ofOrder: "o6"))
        #expect(table.flags[o6].contains(.cancelled))
        let o4 = try #require(table.row(ofOrder: "o4"))
        #expect(table.flags[o4].contains(.discounted))
        #expect(table.channels.value(at: table.channel[o4]) == "meta_ads")
        #expect(table.categories.value(at: table.firstCategory(ofRow: o3)) == "Tee")
        #expect(table.lineItemCount == 8)
    }

    @Test("the same records again change nothing (no duplicate rows or lines)")
    func idempotent() throws {
        var twice = table(HandShop.batch)
        twice.add(HandShop.batch)
        let once = table(HandShop.batch)
        #expect(twice.orderCount == once.orderCount && twice.lineItemCount == once.lineItemCount)
        #expect(twice.net == once.net && twice.flags == once.flags)
        #expect(twice.excluded == once.excluded)
        #expect(twice.feedback.answerCount == once.feedback.answerCount)
    }

    @Test("a new version of an order replaces it: cancelled later, moved to another customer")
    func upsert() throws {
        var table = table(IngestBatch(orders: [TestShop.order("o", "A", "2025-03-01T10:00:00Z", 500)]))
        table.add(TestShop.order("o", "A", "2025-03-01T10:00:00Z", 500, cancelled: true))
        #expect(table.orderCount == 1 && table.flags[0].contains(.cancelled))
        table.add(TestShop.order("o", "B", "2025-03-01T10:00:00Z", 700))
        #expect(table.orderCount == 1 && !table.flags[0].contains(.cancelled) && table.gross[0] == 700)
        #expect(table.customers.externalIDs[Int(table.customer[0])] == "B")
        table.add(TestShop.order("o", "B", "2025-03-01T10:00:00Z", 700, currency: .usd))
        #expect(table.flags[0].contains(.excluded) && table.excluded.ordersInOtherCurrencies == 1)
    }

    @Test("a refund that arrives before its order waits for it; refunds replace by id")
    func pendingRefund() throws {
        var table = table(IngestBatch(refunds: [TestShop.refund("r", order: "o", "2025-03-02T10:00:00Z", 200)]))
        #expect(table.excluded.refundsWithoutOrder == 1)
        table.add(TestShop.order("o", "A", "2025-03-01T10:00:00Z", 500))
        #expect(table.excluded.refundsWithoutOrder == 0 && table.net[0] == 300)
        table.add(TestShop.refund("r", order: "o", "2025-03-02T10:00:00Z", 500))
        #expect(table.net[0] == 0 && table.flags[0].contains(.fullyRefunded))
        table.add(TestShop.refund("r", order: "o", "2025-03-02T10:00:00Z", 100))
        #expect(table.net[0] == 400 && !table.flags[0].contains(.fullyRefunded))
        table.add(TestShop.refund("x", order: "o", "2025-03-02T10:00:00Z", 100, currency: .usd))
        #expect(table.excluded.refundsInOtherCurrencies == 1 && table.net[0] == 400)
    }

    @Test("survey scores outside the question's scale are counted and left out")
    func answerScale() {
        let table = table(IngestBatch(surveyAnswers: [TestShop.answer("s", "A", .csat, 7, "2025-03-01T10:00:00Z")]))
        #expect(table.feedback.answerCount == 0 && table.excluded.answersOutOfScale == 1)
    }
}
