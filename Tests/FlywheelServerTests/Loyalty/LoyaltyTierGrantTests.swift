import FlywheelCore
import FlywheelLoyalty
import FlywheelServer
import Foundation
import Testing

/// Tiers granted by `flywheel loyalty import` (`ImportedLoyaltyMember`) are honoured by the server's tier
/// engine: the account, the earning multiplier, the customer page, until the grant's end and the retention
/// rule (docs/loyalty.md, "Tier grants").
@Suite("Loyalty: imported tier grants in the server")
struct LoyaltyTierGrantTests {
    typealias E = LoyaltyEngines

    @Test("a member imported as Gold is Gold (and earns at Gold's multiplier) until the grant's end and the grace", arguments: E.all)
    func grantHonoured(engine: String) async throws {
        try await E.with(engine) { store in
            let loyalty = try LoyaltyTestServer(store: store).loyalty
            // One order in 2026: Bronze by the seeds' programme (orders per calendar year).
            _ = try await store.ingest(IngestBatch(customers: [Customer(externalID: "c1")], orders: [E.order("o1", customer: "c1", totalMinor: 2_000, at: E.at(11, 1))]))
            _ = try await loyalty.catchUp()
            #expect(try await loyalty.account(of: "c1", now: E.at(11, 5)).tier?.id == "bronze")
            let grant = ImportedLoyaltyMember(
                customer: "c1", source: "smile", sourceTier: "Gold VIP", tier: "gold", tierUntil: E.at(1, 1, year: 2027, hour: 0) - 3_600,
                importedAt: E.at(11, 10))
            #expect(try await store.saveImportedMember(grant))
            let account = try await loyalty.account(of: "c1", now: E.at(11, 12))
            #expect(account.tier?.id == "gold")
            #expect(account.progress?.tierID == "gold")
            #expect(account.progress?.needed == nil)
            // Before the import the member was Bronze: an order placed then earns 1×, one after 1.5×.
            _ = try await store.ingest(
                IngestBatch(orders: [
                    E.order("o2", customer: "c1", totalMinor: 4_000, at: E.at(11, 9)),
                    E.order("o3", customer: "c1", totalMinor: 4_000, at: E.at(11, 15)),
                ]))
            _ = try await loyalty.catchUp()
            let entries = try await store.ledgerHistory(LedgerHistoryQuery(customer: "c1", limit: 50)).entries
            let earned = Dictionary(entries.filter { $0.sourceKind == "order" }.map { ($0.sourceKey, $0.points) }, uniquingKeysWith: +)
            #expect(earned["o2"] == 40)
            #expect(earned["o3"] == 60)
            // 2026 ends with 3 orders: below Gold's retention (4). One tier down after 30 days' grace.
            #expect(try await loyalty.account(of: "c1", now: E.at(1, 20, year: 2027)).tier?.id == "gold")
            #expect(try await loyalty.account(of: "c1", now: E.at(2, 15, year: 2027)).tier?.id == "silver")
        }
    }

    @Test("a member imported without orders has the granted tier; a grant already over, or for no tier, gives none", arguments: E.all)
    func grantWithoutOrders(engine: String) async throws {
        try await E.with(engine) { store in
            let loyalty = try LoyaltyTestServer(store: store).loyalty
            _ = try await store.saveImportedMember(
                ImportedLoyaltyMember(customer: "c2", source: "yotpo", tier: "silver", tierUntil: nil, importedAt: E.at(11, 1)))
            _ = try await store.saveImportedMember(
                ImportedLoyaltyMember(customer: "c3", source: "yotpo", tier: "gold", tierUntil: E.at(10, 31), importedAt: E.at(11, 1)))
            _ = try await store.saveImportedMember(
                ImportedLoyaltyMember(customer: "c4", source: "yotpo", sourceTier: "VIP", importedAt: E.at(11, 1)))
            #expect(try await loyalty.account(of: "c2", now: E.at(11, 5)).tier?.id == "silver")
            #expect(try await loyalty.account(of: "c2", now: E.at(10, 30)).tier == nil)  // before the import
            #expect(try await loyalty.account(of: "c3", now: E.at(11, 5)).tier == nil)
            #expect(try await loyalty.account(of: "c4", now: E.at(11, 5)).tier == nil)
        }
    }

    @Test("the API and the customer page show the granted tier")
    func apiAndPage() async throws {
        let server = try LoyaltyTestServer()
        _ = try await server.store.saveImportedMember(
            ImportedLoyaltyMember(customer: "c1", source: "smile", tier: "gold", tierUntil: nil, importedAt: E.at(11, 1)))
        let token = server.token("c1")
        try await server.test { client async throws in
            _ = try await client.send(.post, "/api/v1/customers", json: #"{"id":"c1"}"#)
            let account = try await client.send(.get, "/api/v1/loyalty/customers/c1", key: TestServer.readOnly)
            #expect((account.object["tier"] as? [String: Any])?["id"] as? String == "gold")
            let page = try await client.send(.get, "/c/loyalty?t=\(token)&lang=en", key: nil)
            #expect(page.text.contains(#"<p id="tier">Gold</p>"#))
        }
    }
}
