import FlywheelCore
import Testing

extension StoreConformance {
    /// One record of every kind, all about customer `c1` and order `1001`.
    private static func everyKindBatch() -> IngestBatch {
        IngestBatch(
            customers: [StoreFixtures.fullCustomer("c1")],
            products: [StoreFixtures.product("SKU-1")],
            orders: [StoreFixtures.order("1001", customer: "c1", day: 1, total: 5_000)],
            refunds: [StoreFixtures.refund("r1", order: "1001", day: 2, amount: 1_000)],
            shipments: [StoreFixtures.shipment("s1", order: "1001")],
            returns: [StoreFixtures.returnRequest("ret1", order: "1001")],
            marketingSpend: [StoreFixtures.spend("google", 2024, 1, 10_000)],
            surveyAnswers: [StoreFixtures.answer("a1", customer: "c1", order: "1001", day: 3)],
            reviews: [StoreFixtures.review("v1", customer: "c1", order: "1001", day: 4)])
    }

    static func everyKindTallies(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let batch = everyKindBatch()
        // The order touches c1 again: unchanged, since c1 was created before the order.
        #expect(
            try await store.ingest(batch)
                == StoreFixtures.counts(
                    customers: (1, 0, 1), products: (1, 0, 0), orders: (1, 0, 0), refunds: (1, 0, 0),
                    shipments: (1, 0, 0), returns: (1, 0, 0), marketingSpend: (1, 0, 0), surveyAnswers: (1, 0, 0),
                    reviews: (1, 0, 0)))
        #expect(
            try await store.ingest(batch)
                == StoreFixtures.counts(
                    customers: (0, 0, 2), products: (0, 0, 1), orders: (0, 0, 1), refunds: (0, 0, 1),
                    shipments: (0, 0, 1), returns: (0, 0, 1), marketingSpend: (0, 0, 1), surveyAnswers: (0, 0, 1),
                    reviews: (0, 0, 1)))

        var changed = batch
        changed.customers[0].firstName = "Anna"
        changed.products[0].title = "Grüner Tee"
        changed.orders[0].channel = "pos"
        changed.refunds[0].reason = "late"
        changed.shipments[0].deliveredAt = StoreFixtures.date(day: 2)
        changed.returns[0].status = .approved
        changed.marketingSpend[0].amount = Money(minorUnits: 12_000, currency: .eur)
        changed.surveyAnswers[0].score = 10
        changed.reviews[0].hasPhoto = true
        #expect(
            try await store.ingest(changed)
                == StoreFixtures.counts(
                    customers: (0, 1, 1), products: (0, 1, 0), orders: (0, 1, 0), refunds: (0, 1, 0),
                    shipments: (0, 1, 0), returns: (0, 1, 0), marketingSpend: (0, 1, 0), surveyAnswers: (0, 1, 0),
                    reviews: (0, 1, 0)))

        #expect(try await store.customer(externalID: "c1") == changed.customers[0])
        #expect(try await store.product(sku: "SKU-1") == changed.products[0])
        #expect(try await store.order(externalID: "1001") == changed.orders[0])
        #expect(try await store.refunds(orderExternalID: "1001") == changed.refunds)
        #expect(try await store.shipments(orderExternalID: "1001") == changed.shipments)
        #expect(try await store.returns(orderExternalID: "1001") == changed.returns)
        #expect(try await store.marketingSpend() == changed.marketingSpend)
        #expect(try await store.surveyAnswers(customerExternalID: "c1") == changed.surveyAnswers)
        #expect(try await store.reviews(customerExternalID: "c1") == changed.reviews)
    }

    static func reingestChangesNothing(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        var batch = everyKindBatch()
        batch.customers.append(StoreFixtures.fullCustomer("c2", day: 3))
        batch.orders += [
            StoreFixtures.order("1002", customer: "c2", day: 4, total: 2_500, currency: .usd),
            StoreFixtures.order("1003", customer: "c1", day: 6, cancelled: true),
            StoreFixtures.order("1004", customer: nil, day: 7),
        ]
        _ = try await store.ingest(batch, session: "first", checkpoint: nil)

        func everything() async throws -> [String] {
            var seen: [String] = []
            for id in ["c1", "c2"] {
                seen.append("\(String(describing: try await store.customer(externalID: id)))")
                seen.append("\(try await store.orders(customerExternalID: id))")
                seen.append("\(try await store.surveyAnswers(customerExternalID: id))")
                seen.append("\(try await store.reviews(customerExternalID: id))")
            }
            for id in ["1001", "1002", "1003", "1004"] {
                seen.append("\(String(describing: try await store.order(externalID: id)))")
                seen.append("\(try await store.refunds(orderExternalID: id))")
                seen.append("\(try await store.shipments(orderExternalID: id))")
                seen.append("\(try await store.returns(orderExternalID: id))")
            }
            seen.append("\(String(describing: try await store.product(sku: "SKU-1")))")
            seen.append("\(try await store.marketingSpend())")
            seen.append("\(try await store.status())")
            seen.append("\(try await store.retentionSnapshot())")
            return seen
        }

        let before = try await everything()
        let again = try await store.ingest(batch, session: "second", checkpoint: nil)
        #expect(again.customers.created == 0 && again.customers.updated == 0)
        #expect(
            again
                == StoreFixtures.counts(
                    customers: (0, 0, 2), products: (0, 0, 1), orders: (0, 0, 4), refunds: (0, 0, 1),
                    shipments: (0, 0, 1), returns: (0, 0, 1), marketingSpend: (0, 0, 1), surveyAnswers: (0, 0, 1),
                    reviews: (0, 0, 1)))
        #expect(try await everything() == before)
    }

    static func customerMerge(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let full = StoreFixtures.fullCustomer("c1", day: 10)
        _ = try await store.ingest(IngestBatch(customers: [full]))

        // A newer record that knows less: what it leaves nil stays; the earlier creation stays.
        let partial = Customer(externalID: "c1", lastName: "Schmidt", createdAt: StoreFixtures.date(day: 20))
        #expect(try await store.ingest(IngestBatch(customers: [partial])) == StoreFixtures.counts(customers: (0, 1, 0)))
        var expected = full
        expected.lastName = "Schmidt"
        #expect(try await store.customer(externalID: "c1") == expected)

        // An earlier creation wins.
        let earlier = Customer(externalID: "c1", createdAt: StoreFixtures.date(day: 5))
        #expect(try await store.ingest(IngestBatch(customers: [earlier])) == StoreFixtures.counts(customers: (0, 1, 0)))
        expected.createdAt = StoreFixtures.date(day: 5)
        #expect(try await store.customer(externalID: "c1") == expected)

        // New values replace old ones; an unknown creation time keeps the known one.
        let newer = Customer(
            externalID: "c1", email: "new@example.com", consent: MarketingConsent(email: .revoked, sms: .granted))
        #expect(try await store.ingest(IngestBatch(customers: [newer])) == StoreFixtures.counts(customers: (0, 1, 0)))
        expected.email = "new@example.com"
        expected.consent = MarketingConsent(email: .revoked, sms: .granted)
        #expect(try await store.customer(externalID: "c1") == expected)

        // Knowing nothing new is no change.
        let same = [Customer(externalID: "c1"), Customer(externalID: "c1", createdAt: StoreFixtures.date(day: 9))]
        #expect(try await store.ingest(IngestBatch(customers: same)) == StoreFixtures.counts(customers: (0, 0, 2)))
        #expect(try await store.customer(externalID: "c1") == expected)

        // A customer stored without a creation time takes the first one it learns.
        _ = try await store.ingest(IngestBatch(customers: [Customer(externalID: "c2", firstName: "Mia")]))
        #expect(try await store.customer(externalID: "c2") == Customer(externalID: "c2", firstName: "Mia"))
        let order = StoreFixtures.order("2001", customer: "c2", day: 12)
        #expect(
            try await store.ingest(IngestBatch(orders: [order]))
                == StoreFixtures.counts(customers: (0, 1, 0), orders: (1, 0, 0)))
        #expect(
            try await store.customer(externalID: "c2")
                == Customer(externalID: "c2", firstName: "Mia", createdAt: StoreFixtures.date(day: 12)))
    }

    static func implicitCustomer(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        #expect(
            try await store.ingest(IngestBatch(orders: [StoreFixtures.order("1001", customer: "c9", day: 3)]))
                == StoreFixtures.counts(customers: (1, 0, 0), orders: (1, 0, 0)))
        #expect(
            try await store.customer(externalID: "c9")
                == Customer(externalID: "c9", createdAt: StoreFixtures.date(day: 3)))

        // A later order leaves the creation time; an earlier one moves it back.
        #expect(
            try await store.ingest(IngestBatch(orders: [StoreFixtures.order("1002", customer: "c9", day: 7)]))
                == StoreFixtures.counts(customers: (0, 0, 1), orders: (1, 0, 0)))
        #expect(
            try await store.ingest(IngestBatch(orders: [StoreFixtures.order("1000", customer: "c9", day: 1)]))
                == StoreFixtures.counts(customers: (0, 1, 0), orders: (1, 0, 0)))
        #expect(
            try await store.customer(externalID: "c9")
                == Customer(externalID: "c9", createdAt: StoreFixtures.date(day: 1)))

        // Within one batch too: the earliest order of the batch decides.
        let batch = IngestBatch(orders: [
            StoreFixtures.order("3002", customer: "c8", day: 9), StoreFixtures.order("3001", customer: "c8", day: 8),
        ])
        #expect(try await store.ingest(batch) == StoreFixtures.counts(customers: (1, 1, 0), orders: (2, 0, 0)))
        #expect(
            try await store.customer(externalID: "c8")
                == Customer(externalID: "c8", createdAt: StoreFixtures.date(day: 8)))

        // A guest order names nobody.
        #expect(
            try await store.ingest(IngestBatch(orders: [StoreFixtures.order("4001", customer: nil, day: 2)]))
                == StoreFixtures.counts(orders: (1, 0, 0)))
        #expect(try await store.status().customers == 2)
    }

    static func sessionCounting(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let first = IngestBatch(
            customers: [Customer(externalID: "c1", email: "c1@example.com")],
            orders: [
                StoreFixtures.order("1", customer: "c1", day: 1), StoreFixtures.order("2", customer: "c1", day: 2),
                StoreFixtures.order("3", customer: "c2", day: 3),
            ])
        #expect(
            try await store.ingest(first, session: "import-a", checkpoint: nil)
                == StoreFixtures.counts(customers: (2, 0, 0), orders: (3, 0, 0)))

        // Later batches of the session do not count c1 or c2 again, even when they change them.
        let second = IngestBatch(orders: [
            StoreFixtures.order("4", customer: "c1", day: 0), StoreFixtures.order("5", customer: "c3", day: 5),
        ])
        #expect(
            try await store.ingest(second, session: "import-a", checkpoint: nil)
                == StoreFixtures.counts(customers: (1, 0, 0), orders: (2, 0, 0)))
        #expect(try await store.customer(externalID: "c1")?.createdAt == StoreFixtures.date(day: 0))

        // Another session counts them afresh; without a session every touch counts.
        let third = IngestBatch(orders: [StoreFixtures.order("6", customer: "c1", day: 6)])
        #expect(
            try await store.ingest(third, session: "import-b", checkpoint: nil)
                == StoreFixtures.counts(customers: (0, 0, 1), orders: (1, 0, 0)))
        let fourth = IngestBatch(orders: [
            StoreFixtures.order("7", customer: "c1", day: 7), StoreFixtures.order("8", customer: "c1", day: 8),
        ])
        #expect(try await store.ingest(fourth) == StoreFixtures.counts(customers: (0, 0, 2), orders: (2, 0, 0)))

        // A refused batch does not count its customers as seen by the session.
        let refused = IngestBatch(
            orders: [StoreFixtures.order("9", customer: "c4", day: 9)],
            refunds: [StoreFixtures.refund("r1", order: "missing", day: 9, amount: 100)])
        await #expect(throws: IngestError.self) {
            _ = try await store.ingest(refused, session: "import-c", checkpoint: nil)
        }
        let retried = IngestBatch(orders: [StoreFixtures.order("9", customer: "c4", day: 9)])
        #expect(
            try await store.ingest(retried, session: "import-c", checkpoint: nil)
                == StoreFixtures.counts(customers: (1, 0, 0), orders: (1, 0, 0)))
    }
}
