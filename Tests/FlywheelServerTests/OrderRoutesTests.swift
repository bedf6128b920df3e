import FlywheelCore
import Foundation
import HTTPTypes
import Testing

@Suite("Order routes")
struct OrderRoutesTests {
    @Test("an order is created, read back, and sending it again changes nothing")
    func upsertAndRead() async throws {
        let server = TestServer()
        try await server.test { client async throws in
            let created = try await client.send(.post, "/api/v1/orders", json: Bodies.order("1001"))
            #expect(created.status == .created)
            #expect(created.object["result"] as? String == "created")
            let again = try await client.send(.post, "/api/v1/orders", json: Bodies.order("1001"))
            #expect(again.status == .ok)
            #expect(again.object["result"] as? String == "unchanged")
            let changed = try await client.send(.post, "/api/v1/orders", json: Bodies.order("1001", total: 2500))
            #expect(changed.object["result"] as? String == "updated")

            let read = try await client.send(.get, "/api/v1/orders/1001")
            #expect(read.status == .ok)
            let order = read.object["order"] as? [String: Any]
            #expect(order?["total_minor"] as? Int == 2500)
            #expect(order?["placed_at"] as? String == "2026-11-01T10:00:00Z")
            #expect(order?["customer_id"] as? String == "c1")
            // The order created its customer.
            #expect(try await client.send(.get, "/api/v1/customers/c1").status == .ok)
            #expect(try await client.send(.get, "/api/v1/orders/nope").status == .notFound)
        }
        #expect(try await server.store.status().orders == 1)
    }

    @Test("lists page with an opaque cursor and filter by customer")
    func pagination() async throws {
        try await TestServer().test { client async throws in
            for id in ["a", "b", "c", "d", "e"] {
                _ = try await client.send(.post, "/api/v1/orders", json: Bodies.order(id, customer: id < "c" ? "x" : "y"))
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let query = "/api/v1/orders?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.send(.get, query)
                #expect(page.status == .ok)
                let items = page.object["items"] as? [[String: Any]] ?? []
                #expect(items.count <= 2)
                seen += items.compactMap { $0["id"] as? String }
                cursor = page.object["next_cursor"] as? String
            } while cursor != nil
            #expect(seen == ["a", "b", "c", "d", "e"])
            let mine = try await client.send(.get, "/api/v1/orders?customer_id=x")
            #expect((mine.object["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["a", "b"])
            #expect(try await client.send(.get, "/api/v1/orders?limit=0").status == .badRequest)
            #expect(try await client.send(.get, "/api/v1/orders?limit=1001").status == .badRequest)
            #expect(try await client.send(.get, "/api/v1/orders?cursor=***").status == .badRequest)
            #expect(try await client.send(.get, "/api/v1/orders?placed_from=yesterday").status == .badRequest)
        }
    }

    @Test("bad input gets a problem naming the field, and nothing is stored")
    func badInput() async throws {
        let server = TestServer()
        try await server.test { client async throws in
            let rule = try await client.send(.post, "/api/v1/orders", json: Bodies.order("1", total: 1998, quantity: 0))
            #expect(rule.status == .unprocessableContent)
            #expect(rule.headers[.contentType] == "application/problem+json")
            #expect(rule.pointers == ["/line_items/0/quantity"])

            let total = try await client.send(
                .post, "/api/v1/orders",
                json: #"{"id":"2","placed_at":"2026-11-01T10:00:00Z","currency":"EUR","subtotal_minor":100,"total_minor":90}"#)
            #expect(total.status == .unprocessableContent)
            #expect(total.pointers == ["/total_minor"])

            let currency = try await client.send(
                .post, "/api/v1/orders",
                json: #"{"id":"2","placed_at":"2026-11-01T10:00:00Z","currency":"XYZ","subtotal_minor":1,"total_minor":1}"#)
            #expect(currency.pointers == ["/currency"])

            let type = try await client.send(
                .post, "/api/v1/orders",
                json: #"{"id":"2","placed_at":"2026-11-01T10:00:00Z","currency":"EUR","subtotal_minor":"1","total_minor":1}"#)
            #expect(type.status == .badRequest)
            #expect(type.pointers == ["/subtotal_minor"])

            let missing = try await client.send(.post, "/api/v1/orders", json: #"{"id":"2","currency":"EUR"}"#)
            #expect(missing.status == .badRequest)
            #expect(missing.pointers.count == 1)

            let unknown = try await client.send(.post, "/api/v1/orders", json: Bodies.order("2", extra: #","colour":"red""#))
            #expect(unknown.status == .badRequest)
            #expect(unknown.pointers == ["/colour"])

            let date = try await client.send(
                .post, "/api/v1/orders",
                json: #"{"id":"2","placed_at":"Monday","currency":"EUR","subtotal_minor":1,"total_minor":1}"#)
            #expect(date.status == .badRequest)

            for garbage in ["{", "[]", "null", "\u{0}\u{1}", String(repeating: "[", count: 10_000)] {
                let response = try await client.send(.post, "/api/v1/orders", json: garbage)
                #expect(response.status == .badRequest, "\(garbage.prefix(10))")
            }
            let wrongType = try await client.send(
                .post, "/api/v1/orders", json: nil, headers: ["Content-Type": "text/plain"])
            #expect(wrongType.status.code >= 400 && wrongType.status.code < 500)
        }
        #expect(try await server.store.status().orders == 0)
        #expect(try await server.store.status().customers == 0)
    }

    @Test("a body above the limit gets 413")
    func bodyLimit() async throws {
        var server = TestServer()
        server.maxBodyBytes = 1_000
        try await server.test { client async throws in
            let big = Bodies.order("1", extra: #","channel":""# + String(repeating: "x", count: 2_000) + #"""#)
            let response = try await client.send(.post, "/api/v1/orders", json: big)
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
        #expect(try await server.store.status().orders == 0)
    }

    @Test("refunds: within the order's total, of a stored order; otherwise 422 and nothing stored")
    func refunds() async throws {
        let server = TestServer()
        try await server.test { client async throws in
            _ = try await client.send(.post, "/api/v1/orders", json: Bodies.order("1001", total: 1000))
            func refund(_ id: String, order: String = "1001", amount: Int) -> String {
                #"{"id":"\#(id)","order_id":"\#(order)","created_at":"2026-11-02T10:00:00Z","amount_minor":\#(amount),"currency":"EUR"}"#
            }
            #expect(try await client.send(.post, "/api/v1/refunds", json: refund("r1", amount: 600)).status == .created)
            let over = try await client.send(.post, "/api/v1/refunds", json: refund("r2", amount: 500))
            #expect(over.status == .unprocessableContent)
            let orphan = try await client.send(.post, "/api/v1/refunds", json: refund("r3", order: "nope", amount: 1))
            #expect(orphan.status == .unprocessableContent)
            #expect(orphan.pointers == ["/order_id"])
            let list = try await client.send(.get, "/api/v1/refunds")
            #expect((list.object["items"] as? [[String: Any]])?.count == 1)
        }
        #expect(try await server.store.refunds(orderExternalID: "1001").map(\.externalID) == ["r1"])
    }
}
