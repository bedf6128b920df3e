import FlywheelCore
import FlywheelLoyalty
import FlywheelServer
import Foundation
import HTTPTypes
import Testing

/// Points earned and reversed as orders and refunds arrive through the API and Shopify's webhooks.
@Suite("Loyalty earning in the server")
struct LoyaltyEarningTests {
    @Test("an order via the API awards its points (pending in the return window) and the launch bonus; the account shows tier and progress")
    func orderAwards() async throws {
        let server = try LoyaltyTestServer()
        try await server.test { client async throws in
            let stored = try await client.send(.post, "/api/v1/orders", json: LoyaltyBodies.order("o1", totalMinor: 4_250))
            #expect(stored.status == .created)
            let account = try await client.send(.get, "/api/v1/loyalty/customers/c1", key: TestServer.readOnly)
            #expect(account.status == .ok)
            // 42.50 EUR at 1 point per euro: 42 points, pending for 14 days; 100 launch points available.
            #expect(account.object["pending"] as? Int == 42)
            #expect(account.object["available"] as? Int == 100)
            #expect(account.object["spendable"] as? Int == 100)
            #expect((account.object["tier"] as? [String: Any])?["id"] as? String == "bronze")
            let progress = account.object["progress"] as? [String: Any]
            #expect(progress?["needed"] as? Int == 2)
            #expect(progress?["summary"] as? String == "2 orders to Silver")
            let history = try await client.send(.get, "/api/v1/loyalty/customers/c1/history", key: TestServer.readOnly)
            let items = history.object["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["source_kind"] as? String } == ["order", "bonus"])
            #expect(items.first?["source_key"] as? String == "o1")
            #expect(items.first?["points"] as? Int == 42)
            // The same order sent again awards nothing more.
            _ = try await client.send(.post, "/api/v1/orders", json: LoyaltyBodies.order("o1", totalMinor: 4_250))
            let again = try await client.send(.get, "/api/v1/loyalty/customers/c1/history", key: TestServer.readOnly)
            #expect((again.object["items"] as? [[String: Any]])?.count == 2)
        }
        #expect(try await server.store.ledgerBalance(customer: "c1") == LedgerBalance(customer: "c1", available: 100, pending: 42, entryCount: 2))
    }

    @Test("the same Shopify order delivered three times (a retry and a re-delivery under a new id) awards once")
    func webhookThreeTimes() async throws {
        let programme = try LoyaltyTestServer.programme(effectiveFrom: Date(timeIntervalSince1970: 1_735_689_600))  // 2025-01-01
        let server = try LoyaltyTestServer(programme: programme)
        let body = try ShopifyWebhookTests.fixture("orders_create")
        try await server.test { client async throws in
            for delivery in ["d-1", "d-1", "d-2"] {
                let answer = try await client.send(
                    .post, "/webhooks/shopify", key: nil, json: body,
                    headers: ShopifyWebhookTests.headers(topic: "orders/create", id: delivery, body: body))
                #expect(answer.status == .ok)
            }
        }
        let customer = try #require(try await server.store.order(externalID: "820982911946154508")?.customerExternalID)
        let page = try await server.store.ledgerHistory(LedgerHistoryQuery(customer: customer, limit: 100))
        let orderEntries = page.entries.filter { $0.sourceKind == "order" }
        #expect(orderEntries.count == 1)
        #expect(orderEntries.first?.sourceKey == "820982911946154508")
        #expect(orderEntries.first.map { $0.points > 0 } == true)
    }

    @Test("a partial refund reverses pro rata, rounding down; the last refund reverses the rest")
    func partialRefund() async throws {
        let server = try LoyaltyTestServer()
        try await server.test { client async throws in
            _ = try await client.send(.post, "/api/v1/orders", json: LoyaltyBodies.order("o1", totalMinor: 10_000))
            #expect(try await client.send(.post, "/api/v1/refunds", json: LoyaltyBodies.refund("r1", order: "o1", amountMinor: 3_050)).status == .created)
            let after = try await client.send(.get, "/api/v1/loyalty/customers/c1", key: TestServer.readOnly)
            #expect(after.object["pending"] as? Int == 100 - 30)  // floor(100 × 30.50 ÷ 100)
            _ = try await client.send(.post, "/api/v1/refunds", json: LoyaltyBodies.refund("r2", order: "o1", amountMinor: 6_950))
            let all = try await client.send(.get, "/api/v1/loyalty/customers/c1", key: TestServer.readOnly)
            #expect(all.object["pending"] as? Int == 0)
            #expect(all.object["available"] as? Int == 100)  // the launch bonus stays
        }
        let reversals = try await server.store.ledgerHistory(LedgerHistoryQuery(customer: "c1", limit: 100)).entries
            .filter { $0.sourceKind == "refund" }
        #expect(reversals.map(\.points).sorted() == [30, 70])
        #expect(reversals.allSatisfy { $0.credit == .reversed })
    }

    @Test("a full refund of an order that used a redeemed code hands the code's points back; a partial one does not")
    func fullRefundHandsBack() async throws {
        let server = try LoyaltyTestServer()
        try await server.test { client async throws in
            _ = try await client.send(.post, "/api/v1/orders", json: LoyaltyBodies.order("o1", totalMinor: 2_000))
            let redeemed = try await client.send(
                .post, "/api/v1/loyalty/customers/c1/redemptions", json: #"{"reward_id":"ten-euro-off"}"#)
            #expect(redeemed.status == .created)
            let code = try #require(redeemed.object["code"] as? String)
            #expect(redeemed.object["available"] as? Int == 0)
            _ = try await client.send(
                .post, "/api/v1/orders",
                json: LoyaltyBodies.order("o2", totalMinor: 3_000, placedAt: "2026-11-03T10:00:00Z", discountCode: code, discountMinor: 1_000))
            _ = try await client.send(.post, "/api/v1/refunds", json: LoyaltyBodies.refund("r1", order: "o2", amountMinor: 1_000, at: "2026-11-04T10:00:00Z"))
            #expect(try await client.send(.get, "/api/v1/loyalty/customers/c1", key: TestServer.readOnly).object["available"] as? Int == 0)
            _ = try await client.send(.post, "/api/v1/refunds", json: LoyaltyBodies.refund("r2", order: "o2", amountMinor: 2_000, at: "2026-11-05T10:00:00Z"))
            let account = try await client.send(.get, "/api/v1/loyalty/customers/c1", key: TestServer.readOnly)
            #expect(account.object["available"] as? Int == 100)
        }
        let account = try await server.loyalty.account(of: "c1", now: server.now)
        #expect(account.codes.map(\.status) == [.handedBack])
    }

    @Test("an order stored but not awarded (a crash in between) is awarded by the catch-up, once")
    func catchUp() async throws {
        let server = try LoyaltyTestServer()
        let order = Order(
            externalID: "o9", customerExternalID: "c9", placedAt: server.now.addingTimeInterval(-86_400), currency: .eur,
            subtotalMinor: 5_000, totalMinor: 5_000)
        _ = try await server.store.ingest(IngestBatch(orders: [order]))
        #expect(try await server.store.ledgerBalance(customer: "c9").entryCount == 0)
        let first = try await server.loyalty.catchUp()
        #expect(first.awarded == 1)
        #expect(try await server.store.ledgerBalance(customer: "c9") == LedgerBalance(customer: "c9", available: 100, pending: 50, entryCount: 2))
        let second = try await server.loyalty.catchUp()
        #expect(second.awarded == 0)
        #expect(try await server.store.ledgerBalance(customer: "c9").entryCount == 2)
    }

    @Test("the due run releases pending points once the return window closed and moves expired lots, once")
    func dueRun() async throws {
        let server = try LoyaltyTestServer()
        let placed = Date(timeIntervalSince1970: 1_767_960_000)  // 2026-01-09 12:00 UTC
        let order = Order(
            externalID: "o1", customerExternalID: "c1", placedAt: placed, currency: .eur, subtotalMinor: 3_000,
            totalMinor: 3_000)
        _ = try await server.store.ingest(IngestBatch(orders: [order]))
        try #require(try await server.loyalty.award(order) != nil)
        let early = try await server.loyalty.runDue(now: placed.addingTimeInterval(13 * 86_400))
        #expect(early.released == 0)
        let released = try await server.loyalty.runDue(now: placed.addingTimeInterval(14 * 86_400))
        #expect(released.released == 1)
        #expect(try await server.store.ledgerBalance(customer: "c1").available == 130)
        #expect(try await server.loyalty.runDue(now: placed.addingTimeInterval(15 * 86_400)).released == 0)
        // Lots of January 2026 expire 12 months on, rounded to the month end: at 2027-02-01 local midnight.
        let expiry = try await server.loyalty.runDue(now: Date(timeIntervalSince1970: 1_801_000_000))  // 2027-01-26
        #expect(expiry.expiredCustomers == 0)
        let expired = try await server.loyalty.runDue(now: Date(timeIntervalSince1970: 1_801_500_000))  // 2027-02-01
        #expect(expired.expiredCustomers == 1)
        #expect(try await server.store.ledgerBalance(customer: "c1").available == 0)
    }

    @Test("the tier, derived from the stored orders, multiplies: the order after reaching Gold earns 150 %")
    func tierMultiplier() async throws {
        let server = try LoyaltyTestServer()
        try await server.test { client async throws in
            for day in 1...7 {
                let placed = String(format: "2026-10-%02dT10:00:00Z", day)
                _ = try await client.send(
                    .post, "/api/v1/orders", json: LoyaltyBodies.order("t\(day)", customer: "g1", totalMinor: 10_000, placedAt: placed))
            }
            let account = try await client.send(.get, "/api/v1/loyalty/customers/g1", key: TestServer.readOnly)
            #expect((account.object["tier"] as? [String: Any])?["id"] as? String == "gold")
            #expect(account.object["progress"].map { ($0 as? [String: Any])?["next_tier"] == nil } == true)
        }
        let entries = try await server.store.ledgerHistory(LedgerHistoryQuery(customer: "g1", limit: 100)).entries
        let earned = Dictionary(
            entries.filter { $0.sourceKind == "order" }.map { ($0.sourceKey, $0.points) }, uniquingKeysWith: +)
        // Orders 1–6 earn 100 each (the sixth lifts to Gold at the old tier's rate), the seventh 150.
        #expect((1...6).map { earned["t\($0)"] } == Array(repeating: 100, count: 6))
        #expect(earned["t7"] == 150)
    }
}
