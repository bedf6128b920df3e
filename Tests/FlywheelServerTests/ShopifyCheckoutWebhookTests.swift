import FlywheelCore
import Foundation
import Testing

@Suite("Shopify webhooks: checkouts")
struct ShopifyCheckoutWebhookTests {
    typealias W = ShopifyWebhookTests

    @Test("checkouts/create and checkouts/update are signature-checked and stored; an update replaces, a repeat changes nothing")
    func storedAndUpdated() async throws {
        let server = TestServer()
        let body = try W.fixture("checkouts_create")
        try await server.test { client async throws in
            let wrong = W.headers(topic: "checkouts/create", id: "c-0", body: body, signature: W.sign(body, secret: "other"))
            #expect(try await client.send(.post, "/webhooks/shopify", key: nil, json: body, headers: wrong).status == .unauthorized)

            let first = try await client.send(
                .post, "/webhooks/shopify", key: nil, json: body, headers: W.headers(topic: "checkouts/create", id: "c-1", body: body))
            #expect(first.status == .ok && first.object["status"] as? String == "stored", "\(first.text)")
            let read = try await client.send(.get, "/api/v1/checkouts/3f6c0a9e2b7d4c1f8a5e6d2b9c0f7a41")
            #expect(read.status == .ok)
            #expect(read.object["customer_id"] as? String == "mia.klein@example.com")
            #expect(read.object["total_minor"] as? Int == 2980)

            // The same checkout under another delivery id (Shopify sends create and update alike): unchanged.
            let same = try await client.send(
                .post, "/webhooks/shopify", key: nil, json: body, headers: W.headers(topic: "checkouts/update", id: "c-2", body: body))
            #expect(same.status == .ok)

            // An update with another quantity and total replaces the lines and the total.
            let updated = body.replacingOccurrences(of: #""quantity": 2,"#, with: #""quantity": 3,"#)
                .replacingOccurrences(of: #""total_price": "29.80""#, with: #""total_price": "44.70""#)
                .replacingOccurrences(of: #""updated_at": "2025-06-02T21:16:51+02:00""#, with: #""updated_at": "2025-06-02T21:30:00+02:00""#)
            let third = try await client.send(
                .post, "/webhooks/shopify", key: nil, json: updated, headers: W.headers(topic: "checkouts/update", id: "c-3", body: updated))
            #expect(third.status == .ok)
            let after = try await client.send(.get, "/api/v1/checkouts/3f6c0a9e2b7d4c1f8a5e6d2b9c0f7a41")
            #expect(after.object["total_minor"] as? Int == 4470)
            let lines = after.object["line_items"] as? [[String: Any]]
            #expect(lines?.count == 1 && lines?.first?["quantity"] as? Int == 3)

            // A bad field is refused naming its JSON path, and nothing is stored.
            let bad = body.replacingOccurrences(of: #""total_price": "29.80""#, with: #""total_price": "lots""#)
            let refused = try await client.send(
                .post, "/webhooks/shopify", key: nil, json: bad, headers: W.headers(topic: "checkouts/create", id: "c-4", body: bad))
            #expect(refused.status.code == 422 && refused.text.contains("total_price"), "\(refused.text)")
        }
        let stored = try #require(try await server.store.checkout(externalID: "3f6c0a9e2b7d4c1f8a5e6d2b9c0f7a41"))
        #expect(stored.lines.map(\.quantity) == [3])
    }
}
