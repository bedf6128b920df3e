import FlywheelCore
import FlywheelServer
import FlywheelTesting
import Foundation
import Testing

@Suite("GDPR export and erasure of the flows' data")
struct FlowDataExportTests {
    static func document(_ id: String, _ store: InMemoryStore) async throws -> [String: Any] {
        let data = try #require(try await CustomerDataExport().document(customerID: id, store: store, now: Date()))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("the export holds the messages (content and address), enrolments, timeline, tags, tickets, coupons and checkouts; after erasure none of it")
    func exportAndErase() async throws {
        let store = InMemoryStore()
        try await ErasureFixture.seed(store)
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        _ = try await store.ingest(
            IngestBatch(checkouts: [
                Checkout(
                    externalID: "chk-e1", customerExternalID: ErasureFixture.customerID, email: ErasureFixture.email,
                    createdAt: at, updatedAt: at, currency: CurrencyCode("EUR")!, totalMinor: 1_980,
                    lines: [CheckoutLine(sku: "TEA-1", title: "Bergtee", quantity: 2, unitPriceMinor: 990)],
                    recoveryURL: "https://shop.example/cart/chk-e1")
            ]))
        let document = try await Self.document(ErasureFixture.customerID, store)
        let messages = try #require(document["messages"] as? [[String: Any]])
        #expect(messages.count == 1)
        #expect(messages.first?["recipient"] as? String == ErasureFixture.email)
        #expect((messages.first?["text"] as? String)?.contains("Erika Mustermann") == true)
        #expect(messages.first?["status"] as? String == "queued" && messages.first?["template_id"] as? String == "order_confirmation")
        #expect((document["flow_enrolments"] as? [[String: Any]])?.first?["flow_id"] as? String == "order_confirmation")
        #expect((document["flow_timeline"] as? [[String: Any]])?.first?["kind"] as? String == "entered")
        #expect((document["tags"] as? [[String: Any]])?.compactMap { $0["tag"] as? String } == ["vip"])
        #expect((document["support_tickets"] as? [[String: Any]])?.first?["topic"] as? String == "make_it_right")
        #expect((document["coupons"] as? [[String: Any]])?.first?["code"] as? String == "CODE-E1")
        let checkout = try #require((document["checkouts"] as? [[String: Any]])?.first)
        #expect(checkout["id"] as? String == "chk-e1" && checkout["email"] as? String == ErasureFixture.email)
        #expect(checkout["total_minor"] as? Int == 1_980 && (checkout["lines"] as? [[String: Any]])?.first?["title"] as? String == "Bergtee")

        let erasure = try #require(try await CustomerEraser(store: store).erase(customerID: ErasureFixture.customerID, now: Date()))
        let after = try await Self.document(erasure.pseudonym, store)
        for section in ["messages", "flow_enrolments", "flow_timeline", "tags", "checkouts"] {
            #expect((after[section] as? [Any])?.isEmpty == true, "\(section)")
        }
        // Kept under the pseudonym for the shop's books: the ticket and the coupon, with nothing personal.
        #expect((after["support_tickets"] as? [Any])?.count == 1 && (after["coupons"] as? [Any])?.count == 1)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: after), as: UTF8.self)
        #expect(ErasureFixture.personalStrings(in: text).isEmpty, "\(text)")
    }
}
