import FlywheelCore
import FlywheelServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("GDPR export and erasure through the API")
struct PrivacyRoutesTests {
    static func seedOrders(_ store: InMemoryStore, now: Date) async throws {
        let order = Order(
            externalID: "o1", customerExternalID: "c-en", placedAt: now - 86_400 * 3, currency: .eur,
            lineItems: [LineItem(sku: "TEA", title: "Sencha", quantity: 2, totalMinor: 1998)], subtotalMinor: 1998,
            totalMinor: 1998)
        _ = try await store.ingest(
            IngestBatch(
                orders: [order],
                refunds: [Refund(externalID: "r1", orderExternalID: "o1", createdAt: now - 86_400, amountMinor: 500, currency: .eur)],
                reviews: [
                    Review(
                        externalID: "rv1", customerExternalID: "c-en", orderExternalID: "o1", sku: "TEA", rating: 4,
                        title: "Good", body: "Anna liked it", locale: .en, hasPhoto: false, createdAt: now - 86_400)
                ]))
    }

    @Test("export: admin scope only; everything about the customer in one document")
    func export() async throws {
        let server = ConsentTestServer()
        try await Self.seedOrders(server.store, now: server.now)
        try await server.test { client in
            #expect(try await client.send(.get, "/api/v1/customers/c-en/export", key: ConsentTestServer.ingestRead).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/customers/nobody/export", key: ConsentTestServer.adminKey).status == .notFound)
            let target = ConsentTestServer.target(server.links.unsubscribe(customer: "c-en", channel: .email, now: server.now))
            _ = try await client.page(.post, target, form: "List-Unsubscribe=One-Click")
            let response = try await client.send(.get, "/api/v1/customers/c-en/export", key: ConsentTestServer.adminKey)
            #expect(response.status == .ok)
            let document = response.object
            #expect(document["format"] as? String == "flywheel-customer-export/1")
            #expect((document["customer"] as? [String: Any])?["email"] as? String == "Anna@Example.com")
            let orders = try #require(document["orders"] as? [[String: Any]])
            #expect(orders.count == 1)
            #expect(((orders[0]["order"] as? [String: Any])?["line_items"] as? [Any])?.count == 1)
            #expect(((orders[0]["refunds"] as? [[String: Any]])?.first?["amount_minor"] as? Int) == 500)
            #expect((document["reviews"] as? [[String: Any]])?.first?["body"] as? String == "Anna liked it")
            #expect((document["consent_history"] as? [[String: Any]])?.first?["source"] as? String == "one_click")
            #expect((document["suppressions"] as? [[String: Any]])?.first?["cause"] as? String == "unsubscribed")
        }
    }

    @Test("erasure: admin scope only; the customer is gone, the order stays under the pseudonym, the address is suppressed")
    func erase() async throws {
        let server = ConsentTestServer()
        try await Self.seedOrders(server.store, now: server.now)
        try await server.test { client in
            #expect(try await client.send(.delete, "/api/v1/customers/c-en", key: ConsentTestServer.ingestRead).status == .forbidden)
            #expect(try await client.send(.delete, "/api/v1/customers/nobody", key: ConsentTestServer.adminKey).status == .notFound)
            let response = try await client.send(.delete, "/api/v1/customers/c-en", key: ConsentTestServer.adminKey)
            #expect(response.status == .ok)
            let pseudonym = try #require(response.object["pseudonym"] as? String)
            #expect(pseudonym.hasPrefix("erased-"))
            #expect(try await client.send(.get, "/api/v1/customers/c-en", key: ConsentTestServer.adminKey).status == .notFound)
            let export = try await client.send(.get, "/api/v1/customers/\(pseudonym)/export", key: ConsentTestServer.adminKey)
            #expect(!export.text.lowercased().contains("anna"))
            #expect((export.object["orders"] as? [Any])?.count == 1)
            // Its old unsubscribe link finds nobody: the same neutral answer, nothing stored.
            let target = ConsentTestServer.target(server.links.unsubscribe(customer: "c-en", channel: .email, now: server.now))
            #expect(try await client.page(.post, target, form: "List-Unsubscribe=One-Click").status == .ok)
        }
        let entry = try await server.store.suppression(channel: .email, addressHash: AddressDigest.of("anna@example.com", channel: .email))
        #expect(entry?.cause == .erased && entry?.address == nil)
    }
}
