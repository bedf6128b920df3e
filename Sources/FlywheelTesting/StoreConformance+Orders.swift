import FlywheelCore
import Testing

extension StoreConformance {
    /// An order that uses every field: long numeric ids, unicode, tax included, cancelled, partly refunded.
    static func richOrder() -> Order {
        Order(
            externalID: "450789469000000001", customerExternalID: "207119551000000002",
            placedAt: StoreFixtures.date(day: 40, second: 45_296), channel: "web", source: "newsletter",
            currency: .eur,
            lineItems: [
                LineItem(
                    sku: "TEE-GRÜN-100", title: "Grüner Tee „Frühling“ 🍵", quantity: 2, totalMinor: 1_998,
                    category: "Tee", vendor: "Teehaus Ölmühle"),
                LineItem(sku: nil, title: "抹茶 Matcha, 30 g", quantity: 1, totalMinor: 2_450),
                LineItem(sku: "GIFT", title: nil, quantity: 3, totalMinor: 0, category: nil, vendor: "Ça va"),
                LineItem(sku: "", title: "", quantity: 1, totalMinor: 100),
            ],
            discounts: [
                DiscountApplication(code: "WILLKOMMEN10", amountMinor: 455),
                DiscountApplication(code: "ÉTÉ-2024", amountMinor: 93),
            ],
            subtotalMinor: 4_000, shippingMinor: 495, taxMinor: 710, taxesIncluded: true, totalMinor: 4_495,
            financialStatus: .partiallyRefunded, cancelledAt: StoreFixtures.date(day: 41))
    }

    static func orderRoundTrip(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let order = richOrder()
        var plain = StoreFixtures.order("1001", customer: nil, day: 2)
        plain.lineItems = []
        plain.financialStatus = .pending
        _ = try await store.ingest(IngestBatch(orders: [order, plain]))
        let stored = try #require(try await store.order(externalID: "450789469000000001"))
        #expect(stored == order)
        #expect(stored.lineItems == order.lineItems)
        #expect(stored.discounts == order.discounts)
        #expect(stored.taxesIncluded && stored.cancelledAt == StoreFixtures.date(day: 41))
        #expect(stored.financialStatus == .partiallyRefunded)
        #expect(try await store.order(externalID: "1001") == plain)
        #expect(try await store.orders(customerExternalID: "207119551000000002") == [order])
        #expect(try await store.order(externalID: "45078946900000000") == nil)
    }

    static func orderUpdateReplacesParts(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let order = richOrder()
        _ = try await store.ingest(IngestBatch(orders: [order]))
        var smaller = order
        smaller.lineItems = [LineItem(sku: "TEE-GRÜN-100", title: "Grüner Tee", quantity: 1, totalMinor: 999)]
        smaller.discounts = []
        smaller.subtotalMinor = 999
        smaller.totalMinor = 1_494
        smaller.taxesIncluded = false
        smaller.cancelledAt = nil
        smaller.financialStatus = .paid
        #expect(
            try await store.ingest(IngestBatch(orders: [smaller]))
                == StoreFixtures.counts(customers: (0, 0, 1), orders: (0, 1, 0)))
        #expect(try await store.order(externalID: order.externalID) == smaller)
        #expect(
            try await store.ingest(IngestBatch(orders: [order]))
                == StoreFixtures.counts(customers: (0, 0, 1), orders: (0, 1, 0)))
        #expect(try await store.order(externalID: order.externalID) == order)
    }

    static func ordersOldestFirst(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let orders = [
            StoreFixtures.order("b", customer: "c1", day: 5),
            StoreFixtures.order("x", customer: "c1", day: 9),
            StoreFixtures.order("a", customer: "c1", day: 5),
            StoreFixtures.order("z", customer: "c1", day: 1),
            StoreFixtures.order("other", customer: "c2", day: 3),
            StoreFixtures.order("guest", customer: nil, day: 4),
        ]
        _ = try await store.ingest(IngestBatch(orders: Array(orders.prefix(2))))
        _ = try await store.ingest(IngestBatch(orders: Array(orders.dropFirst(2))))
        let ids = try await store.orders(customerExternalID: "c1").map(\.externalID)
        #expect(ids == ["z", "a", "b", "x"])
        #expect(try await store.orders(customerExternalID: "c2").map(\.externalID) == ["other"])
        #expect(try await store.orders(customerExternalID: "nobody").isEmpty)
    }

    static func sameBatchReferences(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let batch = IngestBatch(
            orders: [StoreFixtures.order("1001", customer: "c1", day: 1)],
            refunds: [StoreFixtures.refund("r1", order: "1001", day: 2, amount: 400)],
            shipments: [StoreFixtures.shipment("s1", order: "1001")],
            returns: [StoreFixtures.returnRequest("ret1", order: "1001")],
            surveyAnswers: [StoreFixtures.answer("a1", customer: "c1", order: "1001", day: 3)],
            reviews: [StoreFixtures.review("v1", customer: "c1", day: 4)])
        #expect(
            try await store.ingest(batch)
                == StoreFixtures.counts(
                    customers: (1, 0, 0), orders: (1, 0, 0), refunds: (1, 0, 0), shipments: (1, 0, 0),
                    returns: (1, 0, 0), surveyAnswers: (1, 0, 0), reviews: (1, 0, 0)))
        #expect(try await store.refunds(orderExternalID: "1001") == batch.refunds)
        #expect(try await store.shipments(orderExternalID: "1001") == batch.shipments)
        #expect(try await store.returns(orderExternalID: "1001") == batch.returns)
        #expect(try await store.surveyAnswers(customerExternalID: "c1") == batch.surveyAnswers)
        #expect(try await store.reviews(customerExternalID: "c1") == batch.reviews)
    }
}
