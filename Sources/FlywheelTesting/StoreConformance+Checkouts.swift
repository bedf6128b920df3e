import FlywheelCore
import Foundation
import Testing

extension StoreConformance {
    /// Checkouts, the abandoned-cart flow's input (docs/storage.md, "Checkouts").
    static let checkoutChecks: [StoreCheck] = [
        StoreCheck("checkouts: idempotent upserts, an update replaces lines and total", checkoutUpserts),
        StoreCheck("checkouts: open ones updated in a window, in pages by id", openCheckoutsInWindow),
        StoreCheck("checkouts: erasure deletes the customer's and the same address's", checkoutErasure),
    ]

    /// A checkout of `customer` (nil: a guest with `email`) created on `day`, updated `updated` seconds later.
    static func checkout(
        _ id: String, customer: String?, email: String? = nil, day: Int, updated: Int = 120, lines: Int = 2,
        completed: Bool = false, order: String? = nil
    ) -> Checkout {
        let items = (0..<lines).map {
            CheckoutLine(sku: "SKU-\($0)", title: $0 == 0 ? "Tee <grün>" : nil, quantity: $0 + 1, unitPriceMinor: 1_250)
        }
        return Checkout(
            externalID: id, customerExternalID: customer, email: email, createdAt: StoreFixtures.date(day: day),
            updatedAt: StoreFixtures.date(day: day, second: updated), currency: .eur,
            totalMinor: items.reduce(0) { $0 + $1.totalMinor }, lines: items,
            recoveryURL: "https://shop.example/cart/\(id)?key=a&b=c",
            completedAt: completed ? StoreFixtures.date(day: day, second: updated) : nil, orderExternalID: order)
    }

    static func checkoutUpserts(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let first = checkout("tok-1", customer: "c1", email: "c1@example.com", day: 3)
        let guest = checkout("tok-2", customer: nil, email: "Guest@Example.com", day: 3, lines: 0)
        var counts = try await store.ingest(IngestBatch(checkouts: [first, guest]))
        #expect(counts.checkouts == UpsertTally(created: 2))
        #expect(counts.customers == UpsertTally())
        #expect(try await store.checkout(externalID: "tok-1") == first)
        #expect(try await store.checkout(externalID: "tok-2") == guest)
        #expect(try await store.checkout(externalID: "tok-9") == nil)
        // The same again changes nothing.
        counts = try await store.ingest(IngestBatch(checkouts: [first, guest]))
        #expect(counts.checkouts == UpsertTally(unchanged: 2))
        // An update replaces the lines and the total; completing it is an update too.
        var changed = checkout("tok-1", customer: "c1", email: "c1@example.com", day: 3, updated: 900, lines: 1)
        counts = try await store.ingest(IngestBatch(checkouts: [changed]))
        #expect(counts.checkouts == UpsertTally(updated: 1))
        #expect(try await store.checkout(externalID: "tok-1") == changed)
        changed.completedAt = StoreFixtures.date(day: 3, second: 1_000)
        changed.orderExternalID = "1001"
        #expect(try await store.ingest(IngestBatch(checkouts: [changed])).checkouts == UpsertTally(updated: 1))
        #expect(try await store.checkouts(customerExternalID: "c1") == [changed])
        #expect(try await store.checkouts(customerExternalID: "c2").isEmpty)
    }

    static func openCheckoutsInWindow(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        _ = try await store.ingest(
            IngestBatch(checkouts: [
                checkout("b-open", customer: "c1", day: 5),
                checkout("a-open", customer: nil, email: "g@example.com", day: 5, updated: 3_000),
                checkout("c-done", customer: "c1", day: 5, completed: true),
                checkout("d-ordered", customer: "c2", day: 5, order: "1001"),
                checkout("e-early", customer: "c2", day: 4),
                checkout("f-late", customer: "c2", day: 6),
                checkout("Z-open", customer: "c3", day: 5, updated: 86_399),
            ]))
        let from = StoreFixtures.date(day: 5)
        let before = StoreFixtures.date(day: 6)
        let all = try await store.openCheckouts(OpenCheckoutQuery(updatedFrom: from, updatedBefore: before))
        #expect(all.items.map(\.externalID) == ["Z-open", "a-open", "b-open"])
        #expect(all.nextAfter == nil)
        let first = try await store.openCheckouts(OpenCheckoutQuery(updatedFrom: from, updatedBefore: before, limit: 2))
        #expect(first.items.map(\.externalID) == ["Z-open", "a-open"])
        #expect(first.nextAfter == "a-open")
        let second = try await store.openCheckouts(
            OpenCheckoutQuery(updatedFrom: from, updatedBefore: before, after: first.nextAfter, limit: 2))
        #expect(second.items.map(\.externalID) == ["b-open"])
        #expect(second.nextAfter == nil)
        // The window's end is exclusive, its start inclusive.
        let narrow = try await store.openCheckouts(
            OpenCheckoutQuery(updatedFrom: StoreFixtures.date(day: 5, second: 120), updatedBefore: StoreFixtures.date(day: 5, second: 3_000)))
        #expect(narrow.items.map(\.externalID) == ["b-open"])
    }

    static func checkoutErasure(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        _ = try await store.ingest(
            IngestBatch(
                customers: [
                    Customer(externalID: "c1", email: "c1@example.com", createdAt: StoreFixtures.date(day: 1)),
                    Customer(externalID: "c2", email: "c2@example.com", createdAt: StoreFixtures.date(day: 1)),
                ],
                checkouts: [
                    checkout("k1", customer: "c1", email: "c1@example.com", day: 3),
                    checkout("k2", customer: nil, email: "C1@Example.com", day: 3),
                    checkout("k3", customer: "c2", email: "c2@example.com", day: 3),
                ]))
        try await store.eraseCustomer(
            CustomerErasure(customerExternalID: "c1", pseudonym: "erased-c1", suppressions: [], erasedAt: StoreFixtures.date(day: 6)))
        #expect(try await store.checkout(externalID: "k1") == nil)
        #expect(try await store.checkout(externalID: "k2") == nil)
        #expect(try await store.checkout(externalID: "k3") != nil)
        #expect(try await store.checkouts(customerExternalID: "erased-c1").isEmpty)
    }
}
