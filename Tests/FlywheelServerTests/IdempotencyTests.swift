import FlywheelCore
import HTTPTypes
import Testing

@Suite("Idempotency-Key")
struct IdempotencyTests {
    @Test("a retry with the same key gets the first answer and stores nothing again")
    func replay() async throws {
        let server = TestServer()
        try await server.test { client async throws in
            let key = ["Idempotency-Key": "7d1c6e1e-0001"]
            let first = try await client.send(.post, "/api/v1/orders", json: Bodies.order("1001"), headers: key)
            #expect(first.status == .created)
            #expect(first.headers[.init("Idempotent-Replayed")!] == nil)
            let retry = try await client.send(.post, "/api/v1/orders", json: Bodies.order("1001"), headers: key)
            #expect(retry.status == .created)
            #expect(retry.text == first.text)
            #expect(retry.headers[.init("Idempotent-Replayed")!] == "true")

            let reused = try await client.send(.post, "/api/v1/orders", json: Bodies.order("1002"), headers: key)
            #expect(reused.status == .unprocessableContent)
            #expect(reused.object["type"] as? String == "/problems/idempotency-key-reused")
            // Another key's caller may use the same header value: keys are scoped per API key.
            let other = try await client.send(
                .post, "/api/v1/orders", key: TestServer.ingestOnly, json: Bodies.order("1002"), headers: key)
            #expect(other.status == .created)
        }
        #expect(try await server.store.status().orders == 2)
    }

    @Test("a failed request is not remembered: the retry is tried again")
    func failuresNotRemembered() async throws {
        try await TestServer().test { client async throws in
            let key = ["Idempotency-Key": "refund-1"]
            let refund = #"{"id":"r1","order_id":"1001","created_at":"2026-11-02T10:00:00Z","amount_minor":100,"currency":"EUR"}"#
            #expect(try await client.send(.post, "/api/v1/refunds", json: refund, headers: key).status == .unprocessableContent)
            _ = try await client.send(.post, "/api/v1/orders", json: Bodies.order("1001"))
            #expect(try await client.send(.post, "/api/v1/refunds", json: refund, headers: key).status == .created)
        }
    }
}
