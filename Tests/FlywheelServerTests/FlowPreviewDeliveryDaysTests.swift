import FlywheelCore
import Foundation
import Testing

@Suite("Flow preview: the shop's delivery days")
struct FlowPreviewDeliveryDaysTests {
    /// The order confirmation's text for customer c1's order 1001 (placed Sunday 1 November 2026) in `locale`.
    static func confirmation(
        _ server: TestServer, locale: String, _ check: @escaping @Sendable (String) -> Void
    ) async throws {
        let flow = try FlowRoutesTests.example("order_confirmation")
        try await server.test { client async throws in
            let customer = #"{"id":"c1","email":"j@example.de","first_name":"Jürgen","locale":"de"}"#
            #expect(try await client.send(.post, "/api/v1/customers", json: customer).status == .created)
            #expect(try await client.send(.post, "/api/v1/orders", json: Bodies.order("1001")).status == .created)
            let answer = try await client.send(
                .post, "/api/v1/flows/preview", key: TestServer.readOnly,
                json: #"{"flow": \#(flow), "customer_id": "c1", "locale": "\#(locale)"}"#)
            #expect(answer.status == .ok, "\(answer.text)")
            check(try #require((answer.object["messages"] as? [[String: Any]])?.first?["text"] as? String))
        }
    }

    @Test("with --delivery-days 2-4 the preview restates the window in working days from the order, in de and en")
    func windowRestated() async throws {
        let days = try #require(DeliveryDays(parsing: "2-4"))
        // Sunday 1 November: the 2nd working day is Tuesday 3, the 4th Thursday 5.
        try await Self.confirmation(TestServer(deliveryDays: days), locale: "de") { german in
            #expect(german.contains("Ihr Paket kommt voraussichtlich zwischen Di, 3. und Do, 5. November."), "\(german)")
        }
        try await Self.confirmation(TestServer(deliveryDays: days), locale: "en") { english in
            #expect(english.contains("Your parcel should arrive between Tue 3 and Thu 5 November."), "\(english)")
        }
    }

    @Test("without delivery days and without a promise the preview states no window")
    func noWindowWithoutDays() async throws {
        try await Self.confirmation(TestServer(), locale: "de") { german in
            #expect(!german.contains("voraussichtlich"), "\(german)")
        }
        try await Self.confirmation(TestServer(), locale: "en") { english in
            #expect(!english.contains("should arrive"), "\(english)")
        }
    }
}
