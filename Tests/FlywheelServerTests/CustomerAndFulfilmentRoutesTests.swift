import FlywheelCore
import Foundation
import Testing

@Suite("Customer, consent, fulfilment and spend routes")
struct CustomerAndFulfilmentRoutesTests {
    @Test("customers upsert with merge; consent changes apply in time order")
    func customersAndConsent() async throws {
        let server = TestServer()
        try await server.test { client async throws in
            let anna = #"{"id":"c1","email":"anna@example.com","first_name":"Anna","locale":"de","birthday":"1990-02-28"}"#
            #expect(try await client.send(.post, "/api/v1/customers", json: anna).status == .created)
            #expect(try await client.send(.post, "/api/v1/customers", json: #"{"id":"c1","last_name":"Müller"}"#).status == .ok)
            let read = try await client.send(.get, "/api/v1/customers/c1").object
            #expect(read["first_name"] as? String == "Anna")
            #expect(read["last_name"] as? String == "Müller")
            #expect(read["birthday"] as? String == "1990-02-28")
            let byEmail = try await client.send(.get, "/api/v1/customers?email=anna@example.com").object
            #expect((byEmail["items"] as? [[String: Any]])?.count == 1)
            let badBirthday = try await client.send(.post, "/api/v1/customers", json: #"{"id":"c2","birthday":"1990-02-30"}"#)
            #expect(badBirthday.pointers == ["/birthday"])

            func consent(_ state: String, at: String) -> String {
                #"{"customer_id":"c1","channel":"email","state":"\#(state)","changed_at":"\#(at)"}"#
            }
            #expect(try await client.send(.post, "/api/v1/consent-changes", json: consent("granted", at: "2026-11-03T10:00:00Z")).status == .ok)
            let stale = try await client.send(.post, "/api/v1/consent-changes", json: consent("revoked", at: "2026-11-01T10:00:00Z"))
            #expect(stale.object["result"] as? String == "unchanged")
            let unknown = try await client.send(
                .post, "/api/v1/consent-changes",
                json: #"{"customer_id":"zz","channel":"sms","state":"granted","changed_at":"2026-11-03T10:00:00Z"}"#)
            #expect(unknown.status == .unprocessableContent)
        }
        let stored = try await server.store.customer(externalID: "c1")
        #expect(stored?.consent?.email == .granted)
        #expect(stored?.consent?.sms == .unknown)
        #expect(try await server.store.customer(externalID: "zz") == nil)
    }

    @Test("shipments, their carrier events, returns and marketing spend")
    func fulfilment() async throws {
        let server = TestServer()
        try await server.test { client async throws in
            _ = try await client.send(.post, "/api/v1/orders", json: Bodies.order("1001"))
            let shipment = #"{"id":"s1","order_id":"1001","carrier":"DHL","tracking_number":"00340434","shipped_at":"2026-11-02T08:00:00Z"}"#
            #expect(try await client.send(.post, "/api/v1/shipments", json: shipment).status == .created)
            let promised = #"{"type":"delivery_promised","at":"2026-11-02T09:00:00Z","promised_by":"2026-11-04T18:00:00Z"}"#
            #expect(try await client.send(.post, "/api/v1/shipments/s1/events", json: promised).status == .ok)
            let delivered = #"{"type":"delivered","at":"2026-11-04T12:30:00.250Z"}"#
            #expect(try await client.send(.post, "/api/v1/shipments/s1/events", json: delivered).status == .ok)
            #expect(try await client.send(.post, "/api/v1/shipments/nope/events", json: delivered).status == .notFound)
            let noPromise = try await client.send(
                .post, "/api/v1/shipments/s1/events", json: #"{"type":"delivery_promised","at":"2026-11-02T09:00:00Z"}"#)
            #expect(noPromise.pointers == ["/promised_by"])

            let ret = #"{"id":"ret1","order_id":"1001","requested_at":"2026-11-05T10:00:00Z","reason":"too small","quantity":1,"sku":"TEA"}"#
            #expect(try await client.send(.post, "/api/v1/returns", json: ret).status == .created)
            let spend = #"{"channel":"google","month":"2026-10","amount_minor":50000,"currency":"EUR"}"#
            #expect(try await client.send(.post, "/api/v1/marketing-spend", json: spend).status == .created)
            #expect(try await client.send(.post, "/api/v1/marketing-spend", json: spend).status == .ok)
            let badMonth = try await client.send(
                .post, "/api/v1/marketing-spend", json: #"{"channel":"google","month":"2026-13","amount_minor":1,"currency":"EUR"}"#)
            #expect(badMonth.pointers == ["/month"])
            let detail = try await client.send(.get, "/api/v1/orders/1001").object
            let shipments = detail["shipments"] as? [[String: Any]]
            #expect(shipments?.first?["delivered_at"] as? String == "2026-11-04T12:30:00.250Z")
            #expect((detail["returns"] as? [[String: Any]])?.count == 1)
            let spendList = try await client.send(.get, "/api/v1/marketing-spend").object
            #expect((spendList["items"] as? [[String: Any]])?.first?["amount_minor"] as? Int == 50000)
        }
        let stored = try await server.store.shipment(externalID: "s1")
        #expect(stored?.promisedBy == ISO8601DateFormatter().date(from: "2026-11-04T18:00:00Z"))
        #expect(stored?.isLate(now: server.now) == false)
    }

    @Test("metrics count requests by route template and records ingested")
    func metrics() async throws {
        try await TestServer().test { client async throws in
            _ = try await client.send(.post, "/api/v1/orders", json: Bodies.order("1001"))
            _ = try await client.send(.get, "/api/v1/orders/1001")
            let metrics = try await client.send(.get, "/metrics", key: TestServer.readOnly)
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains(#"flywheel_http_requests_total{route="/api/v1/orders/{id}",method="GET",status="2xx"} 1"#))
            #expect(metrics.text.contains(#"flywheel_ingested_records_total{kind="order",outcome="created"} 1"#))
            #expect(!metrics.text.contains("1001"))
        }
    }
}
