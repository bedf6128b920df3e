import FlywheelCore
import Testing

extension StoreConformance {
    /// Walks every page of a listing and returns the keys seen, page by page.
    static func walk<Item: Sendable>(
        limit: Int, key: (Item) -> String, _ fetch: (String?) async throws -> Page<Item>
    ) async throws -> [[String]] {
        var pages: [[String]] = []
        var after: String?
        repeat {
            let page = try await fetch(after)
            pages.append(page.items.map(key))
            #expect(page.items.count <= limit)
            after = page.nextAfter
            if pages.count > 1_000 { Issue.record("listing does not end"); break }
        } while after != nil
        return pages
    }

    static func listingsPageInByteOrder(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        // Byte order, not locale order: "B" < "a" < "b" < "ä"; ids are compared as they are stored.
        let ids = ["b", "a", "ä", "B", "a1", "10", "9"]
        let orders = ids.enumerated().map { StoreFixtures.order("o-\($1)", customer: "c-\($1)", day: $0) }
        _ = try await store.ingest(IngestBatch(orders: orders))
        let expected = ["10", "9", "B", "a", "a1", "b", "ä"]

        let customerPages = try await walk(limit: 3, key: \Customer.externalID) {
            try await store.customers(CustomerQuery(after: $0, limit: 3))
        }
        #expect(customerPages == [["c-10", "c-9", "c-B"], ["c-a", "c-a1", "c-b"], ["c-ä"]])
        let orderPages = try await walk(limit: 7, key: \Order.externalID) {
            try await store.orders(OrderQuery(after: $0, limit: 7))
        }
        #expect(orderPages == [expected.map { "o-\($0)" }])
        // A full page that happens to end the listing has no next cursor only if nothing follows.
        let exact = try await store.orders(OrderQuery(limit: 7))
        #expect(exact.nextAfter == nil)
        // Orders round-trip whole through the listing.
        #expect(Set(exact.items) == Set(orders))
        // A cursor that is not a stored key still works: it is a position in byte order.
        let fromMiddle = try await store.orders(OrderQuery(after: "o-Z", limit: 2))
        #expect(fromMiddle.items.map(\.externalID) == ["o-a", "o-a1"])
        #expect(fromMiddle.nextAfter == "o-a1")
        #expect(try await store.orders(OrderQuery(after: "o-ä", limit: 2)).items.isEmpty)
    }

    static func listingsFilter(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        var alice = StoreFixtures.fullCustomer("alice")
        alice.email = "alice@example.com"
        _ = try await store.ingest(
            IngestBatch(
                customers: [alice, StoreFixtures.fullCustomer("bob")],
                orders: [
                    StoreFixtures.order("1", customer: "alice", day: 1), StoreFixtures.order("2", customer: "bob", day: 2),
                    StoreFixtures.order("3", customer: "alice", day: 3), StoreFixtures.order("4", customer: nil, day: 4),
                ]))
        #expect(
            try await store.customers(CustomerQuery(email: "alice@example.com")).items.map(\.externalID) == ["alice"])
        #expect(try await store.customers(CustomerQuery(email: "nobody@example.com")).items.isEmpty)
        #expect(try await store.orders(OrderQuery(customerExternalID: "alice")).items.map(\.externalID) == ["1", "3"])
        let window = OrderQuery(placedFrom: StoreFixtures.date(day: 2), placedBefore: StoreFixtures.date(day: 4))
        #expect(try await store.orders(window).items.map(\.externalID) == ["2", "3"])
        let paged = try await walk(limit: 1, key: \Order.externalID) {
            try await store.orders(OrderQuery(after: $0, limit: 1, customerExternalID: "alice"))
        }
        #expect(paged.flatMap { $0 } == ["1", "3"])
    }

    static func relatedListings(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        _ = try await store.ingest(
            IngestBatch(
                orders: [StoreFixtures.order("1001", customer: "c1", day: 1, total: 10_000)],
                refunds: [
                    StoreFixtures.refund("r-2", order: "1001", day: 2, amount: 100),
                    StoreFixtures.refund("r-1", order: "1001", day: 3, amount: 100),
                ],
                shipments: [StoreFixtures.shipment("s-1", order: "1001")],
                returns: [StoreFixtures.returnRequest("ret-1", order: "1001")],
                surveyAnswers: [StoreFixtures.answer("a-1", customer: "c1", day: 4)],
                reviews: [StoreFixtures.review("v-1", customer: "c1", day: 5)]))
        let refunds = try await store.refunds(ListQuery(limit: 1))
        #expect(refunds.items.map(\.externalID) == ["r-1"])
        #expect(refunds.nextAfter == "r-1")
        #expect(try await store.refunds(ListQuery(after: "r-1")).items.map(\.externalID) == ["r-2"])
        #expect(try await store.shipments(ListQuery()).items == [StoreFixtures.shipment("s-1", order: "1001")])
        #expect(try await store.shipment(externalID: "s-1") == StoreFixtures.shipment("s-1", order: "1001"))
        #expect(try await store.shipment(externalID: "s-2") == nil)
        #expect(try await store.returns(ListQuery()).items == [StoreFixtures.returnRequest("ret-1", order: "1001")])
        #expect(
            try await store.surveyAnswers(ListQuery()).items == [StoreFixtures.answer("a-1", customer: "c1", day: 4)])
        #expect(try await store.reviews(ListQuery()).items == [StoreFixtures.review("v-1", customer: "c1", day: 5)])
    }
}
