import FlywheelCore
import FlywheelLoyalty
import FlywheelServer
import Foundation
import Testing

/// The dashboard's loyalty page shows members per tier, from the derived tier state (imported grants
/// included), with store reads that grow with pages, not with customers.
@Suite("Dashboard: loyalty tier distribution")
struct DashboardTierDistributionTests {
    /// 10,000 customers; customer i has (i mod 7) + 1 orders in 2026 — 1–2 orders Bronze, 3–5 Silver, 6–7
    /// Gold by the seeds' programme (orders per calendar year).
    static func seedShop(_ store: any FlywheelStore) async throws {
        let start = Date(timeIntervalSince1970: 1_768_003_200)  // 2026-01-10
        var batch = IngestBatch()
        for i in 0..<10_000 {
            let customer = "m\(i)"
            batch.customers.append(Customer(externalID: customer))
            for k in 0...(i % 7) {
                let at = start.addingTimeInterval(Double((i + k * 37) % 290) * 86_400)
                batch.orders.append(
                    Order(
                        externalID: "o-\(i)-\(k)", customerExternalID: customer, placedAt: at, currency: .eur,
                        lineItems: [LineItem(sku: "TEA", title: "Sencha", quantity: 1, totalMinor: 1_500)],
                        subtotalMinor: 1_500, totalMinor: 1_500))
            }
            if batch.orders.count >= 2_000 {
                _ = try await store.ingest(batch)
                batch = IngestBatch()
            }
        }
        _ = try await store.ingest(batch)
        // One member switched in as Gold, without orders here.
        _ = try await store.saveImportedMember(
            ImportedLoyaltyMember(
                customer: "imported", source: "smile", tier: "gold", tierUntil: nil,
                importedAt: Date(timeIntervalSince1970: 1_790_000_000)))
    }

    @Test("10,000 customers: members per tier in English and German, without a store read per customer")
    func tenThousand() async throws {
        let counting = CountingStore()
        var server = DashboardTestServer()
        server.store = counting
        server.programme = try LoyaltyTestServer.programme()
        try await Self.seedShop(counting)
        try await server.test { browser in
            try await browser.signIn()
            counting.tally.reset()
            let html = String(buffer: try await browser.get("/loyalty", headers: ["Accept-Language": "en"]).body)
            let reads = counting.tally.all
            // 1,429 customers each for i mod 7 = 0…3, 1,428 for 4…6; the seeded c1 (2 orders) and c2 (1) are Bronze.
            #expect(html.contains("Members per tier"))
            #expect(BrowserClient.figure("tier-bronze", in: html) == "2,860")  // 1,429 + 1,429 + 2
            #expect(BrowserClient.figure("tier-silver", in: html) == "4,286")  // 1,429 + 1,429 + 1,428
            #expect(BrowserClient.figure("tier-gold", in: html) == "2,857")  // 1,428 + 1,428 + the grant
            #expect(BrowserClient.figure("tier-", in: html) == nil)  // nobody below Bronze
            // Reads: order pages (≈ 40,000 orders at 2,000 a page), one refund page, the grants, the open lots
            // and the session — never one per customer.
            #expect(reads["orders", default: 0] <= 25)
            #expect(reads["orders(customerExternalID:)", default: 0] == 0)
            #expect((reads["refunds", default: 0]) <= 2)
            #expect(reads["importedMembers"] == 1)
            #expect(reads["customer", default: 0] == 0)
            #expect(counting.tally.total < 40)
            let german = String(buffer: try await browser.get("/loyalty", headers: ["Accept-Language": "de"]).body)
            #expect(german.contains("Mitglieder je Stufe"))
            #expect(BrowserClient.figure("tier-silver", in: german) == "4.286")
        }
    }

    @Test("the distribution follows refunds and grants and lists every tier, empty ones with 0")
    func smallShop() async throws {
        let store = InMemoryStore()
        let loyalty = try LoyaltyTestServer(store: store).loyalty
        let at = LoyaltyEngines.at
        _ = try await store.ingest(
            IngestBatch(
                customers: [Customer(externalID: "a"), Customer(externalID: "b")],
                orders: (1...3).map { LoyaltyEngines.order("a\($0)", customer: "a", totalMinor: 1_000, at: at(3, $0, 2026, 10)) }
                    + [LoyaltyEngines.order("b1", customer: "b", totalMinor: 1_000, at: at(3, 1, 2026, 10))]))
        var distribution = try await loyalty.tierDistribution(at: at(4, 1, 2026, 10))
        #expect(distribution.tiers.map(\.tier.id) == ["bronze", "silver", "gold"])
        #expect(distribution.tiers.map(\.members) == [1, 1, 0])
        // a's third order refunded in full: back to Bronze.
        _ = try await store.ingest(
            IngestBatch(refunds: [Refund(externalID: "r1", orderExternalID: "a3", createdAt: at(3, 20, 2026, 10), amountMinor: 1_000, currency: .eur)]))
        distribution = try await loyalty.tierDistribution(at: at(4, 1, 2026, 10), pageSize: 1)
        #expect(distribution.tiers.map(\.members) == [2, 0, 0])
        _ = try await store.saveImportedMember(
            ImportedLoyaltyMember(customer: "b", source: "smile", tier: "gold", tierUntil: nil, importedAt: at(3, 25, 2026, 10)))
        distribution = try await loyalty.tierDistribution(at: at(4, 1, 2026, 10))
        #expect(distribution.tiers.map(\.members) == [1, 0, 1])
        #expect(distribution.withoutTier == 0)
    }
}
