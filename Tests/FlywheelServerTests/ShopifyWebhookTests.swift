import Crypto
import FlywheelCore
import Foundation
import HTTPTypes
import Testing

@Suite("Shopify webhooks")
struct ShopifyWebhookTests {
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/shopify/webhooks/\(name).json")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func sign(_ body: String, secret: String = "shpss_test_secret") -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data(secret.utf8))))
            .base64EncodedString()
    }

    static func headers(topic: String, id: String, body: String, signature: String? = nil) -> [String: String] {
        [
            "X-Shopify-Topic": topic, "X-Shopify-Webhook-Id": id, "X-Shopify-Hmac-Sha256": signature ?? sign(body),
            "X-Shopify-Shop-Domain": "tee-laden.myshopify.com",
        ]
    }

    @Test("a signed orders/create is stored with its exact 18-digit id; the retry is recognised")
    func ordersCreate() async throws {
        let server = TestServer()
        let body = try Self.fixture("orders_create")
        try await server.test { client async throws in
            let headers = Self.headers(topic: "orders/create", id: "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", body: body)
            let first = try await client.send(.post, "/webhooks/shopify", key: nil, json: body, headers: headers)
            #expect(first.status == .ok)
            #expect(first.object["status"] as? String == "stored")
            let retry = try await client.send(.post, "/webhooks/shopify", key: nil, json: body, headers: headers)
            #expect(retry.status == .ok)
            #expect(retry.object["status"] as? String == "duplicate")
            let read = try await client.send(.get, "/api/v1/orders/820982911946154508")
            #expect(read.status == .ok)
        }
        #expect(try await server.store.status().orders == 1)
        #expect(try await server.store.order(externalID: "820982911946154508") != nil)
    }

    @Test("a wrong or missing signature gets 401 and stores nothing")
    func signatures() async throws {
        let server = TestServer()
        let body = try Self.fixture("orders_create")
        try await server.test { client async throws in
            let wrong = Self.headers(topic: "orders/create", id: "1", body: body, signature: Self.sign(body, secret: "other"))
            #expect(try await client.send(.post, "/webhooks/shopify", key: nil, json: body, headers: wrong).status == .unauthorized)
            var missing = Self.headers(topic: "orders/create", id: "2", body: body)
            missing["X-Shopify-Hmac-Sha256"] = nil
            #expect(try await client.send(.post, "/webhooks/shopify", key: nil, json: body, headers: missing).status == .unauthorized)
            let tampered = body.replacingOccurrences(of: "820982911946154508", with: "820982911946154509")
            let signedOriginal = Self.headers(topic: "orders/create", id: "3", body: body)
            #expect(
                try await client.send(.post, "/webhooks/shopify", key: nil, json: tampered, headers: signedOriginal).status
                    == .unauthorized)
            let garbage = Self.headers(topic: "orders/create", id: "4", body: body, signature: "not base64 at all!")
            #expect(try await client.send(.post, "/webhooks/shopify", key: nil, json: body, headers: garbage).status == .unauthorized)
        }
        #expect(try await server.store.status().orders == 0)
    }

    @Test("without a configured secret every webhook is refused")
    func noSecret() async throws {
        var server = TestServer()
        server.webhookSecret = nil
        let body = try Self.fixture("orders_create")
        try await server.test { client async throws in
            let response = try await client.send(
                .post, "/webhooks/shopify", key: nil, json: body, headers: Self.headers(topic: "orders/create", id: "1", body: body))
            #expect(response.status == .unauthorized)
        }
    }

    @Test("unknown topics and test orders: 200, ignored, nothing stored")
    func ignored() async throws {
        let server = TestServer()
        try await server.test { client async throws in
            let product = #"{"id":632910392,"title":"IPod Nano - 8GB"}"#
            let unknown = try await client.send(
                .post, "/webhooks/shopify", key: nil, json: product,
                headers: Self.headers(topic: "products/create", id: "u1", body: product))
            #expect(unknown.status == .ok)
            #expect(unknown.object["status"] as? String == "ignored")
            let test = try Self.fixture("orders_create_test")
            let ignored = try await client.send(
                .post, "/webhooks/shopify", key: nil, json: test, headers: Self.headers(topic: "orders/create", id: "t1", body: test))
            #expect(ignored.status == .ok)
            #expect(ignored.object["status"] as? String == "ignored")
        }
        #expect(try await server.store.status().orders == 0)
    }

    @Test("refund before its order: 422 (Shopify retries); after the order it is stored")
    func refundOrdering() async throws {
        let server = TestServer()
        let order = try Self.fixture("orders_create")
        let refund = try Self.fixture("refunds_create")
        try await server.test { client async throws in
            let early = try await client.send(
                .post, "/webhooks/shopify", key: nil, json: refund, headers: Self.headers(topic: "refunds/create", id: "r1", body: refund))
            #expect(early.status == .unprocessableContent)
            _ = try await client.send(
                .post, "/webhooks/shopify", key: nil, json: order, headers: Self.headers(topic: "orders/create", id: "o1", body: order))
            let late = try await client.send(
                .post, "/webhooks/shopify", key: nil, json: refund, headers: Self.headers(topic: "refunds/create", id: "r1", body: refund))
            #expect(late.status == .ok)
        }
        #expect(try await server.store.status().refunds == 1)
    }

    @Test("every topic's fixture is accepted", arguments: [
        ("orders/create", "orders_create"), ("orders/updated", "orders_updated"), ("orders/cancelled", "orders_cancelled"),
        ("customers/create", "customers_create"), ("customers/update", "customers_update"),
        ("checkouts/create", "checkouts_create"), ("checkouts/update", "checkouts_update"),
        ("orders/create", "orders_create_no_email"), ("orders/create", "orders_create_us"),
    ])
    func topics(_ topic: String, _ name: String) async throws {
        let body = try Self.fixture(name)
        try await TestServer().test { client async throws in
            let response = try await client.send(
                .post, "/webhooks/shopify", key: nil, json: body, headers: Self.headers(topic: topic, id: name, body: body))
            #expect(response.status == .ok, "\(response.text)")
        }
    }

    @Test("a malformed payload gets 422 naming the path, never 5xx")
    func malformed() async throws {
        try await TestServer().test { client async throws in
            for body in ["{", #"{"id":"x"}"#, #"{"id":1,"line_items":"none"}"#, "[]", ""] {
                let response = try await client.send(
                    .post, "/webhooks/shopify", key: nil, json: body,
                    headers: Self.headers(topic: "orders/create", id: "m-\(body.count)", body: body))
                #expect((400..<500).contains(response.status.code), "\(body)")
            }
        }
    }
}
