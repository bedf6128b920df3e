import FlywheelCore
import Testing

extension StoreConformance {
    /// Data already stored before a refused batch: it must come out of the refusal untouched.
    private static func storeBaseline(_ store: any FlywheelStore) async throws -> [String] {
        _ = try await store.ingest(
            IngestBatch(
                customers: [StoreFixtures.fullCustomer("base")],
                orders: [StoreFixtures.order("base-1", customer: "base", day: 1)]),
            session: "s", checkpoint: nil)
        return try await baselineView(store)
    }

    private static func baselineView(_ store: any FlywheelStore) async throws -> [String] {
        [
            "\(String(describing: try await store.customer(externalID: "base")))",
            "\(try await store.orders(customerExternalID: "base"))",
            "\(try await store.status())",
            "\(try await store.retentionSnapshot())",
        ]
    }

    /// A batch that would create and change plenty, and then names something that does not exist.
    private static func doomedBatch(_ culprit: (inout IngestBatch) -> Void) -> IngestBatch {
        var changedBase = StoreFixtures.fullCustomer("base")
        changedBase.firstName = "Changed"
        var batch = IngestBatch(
            customers: [changedBase, StoreFixtures.fullCustomer("new")],
            products: [StoreFixtures.product("SKU-NEW")],
            orders: [
                StoreFixtures.order("new-1", customer: "new", day: 2),
                StoreFixtures.order("base-1", customer: "base", day: 1, total: 9_999),
                StoreFixtures.order("new-2", customer: "implicit", day: 3),
            ],
            marketingSpend: [StoreFixtures.spend("meta", 2024, 3, 500)])
        culprit(&batch)
        return batch
    }

    private static func expectRefused(
        _ store: any FlywheelStore, _ batch: IngestBatch, field: String, baseline: [String]
    ) async throws {
        let checkpoint = ImportRun(
            fingerprint: "doomed", path: "orders.csv", format: "plain", startedAt: StoreFixtures.date(day: 0),
            updatedAt: StoreFixtures.date(day: 0))
        let error = await #expect(throws: IngestError.self) {
            _ = try await store.ingest(batch, session: "s", checkpoint: checkpoint)
        }
        #expect(error?.field == field)
        #expect(try await baselineView(store) == baseline)
        #expect(try await store.customer(externalID: "new") == nil)
        #expect(try await store.customer(externalID: "implicit") == nil)
        #expect(try await store.order(externalID: "new-1") == nil)
        #expect(try await store.product(sku: "SKU-NEW") == nil)
        #expect(try await store.marketingSpend().isEmpty)
        #expect(try await store.importRun(fingerprint: "doomed") == nil)
    }

    static func unknownOrderRefusesBatch(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let baseline = try await storeBaseline(store)
        let culprits: [(inout IngestBatch) -> Void] = [
            {
                $0.refunds = [
                    StoreFixtures.refund("r1", order: "new-1", day: 2, amount: 10),
                    StoreFixtures.refund("r2", order: "ghost", day: 2, amount: 10),
                ]
            },
            { $0.shipments = [StoreFixtures.shipment("s1", order: "ghost")] },
            { $0.returns = [StoreFixtures.returnRequest("ret1", order: "ghost")] },
            { $0.surveyAnswers = [StoreFixtures.answer("a1", customer: "new", order: "ghost", day: 3)] },
            { $0.reviews = [StoreFixtures.review("v1", customer: "base", order: "ghost", day: 3)] },
        ]
        for culprit in culprits {
            try await expectRefused(store, doomedBatch(culprit), field: "order_id", baseline: baseline)
        }
        // The same records are accepted once their order exists.
        let fine = doomedBatch { $0.shipments = [StoreFixtures.shipment("s1", order: "new-2")] }
        #expect(try await store.ingest(fine, session: "s", checkpoint: nil).shipments.created == 1)
    }

    static func unknownCustomerRefusesBatch(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let baseline = try await storeBaseline(store)
        let culprits: [(inout IngestBatch) -> Void] = [
            { $0.surveyAnswers = [StoreFixtures.answer("a1", customer: "ghost", day: 3)] },
            { $0.reviews = [StoreFixtures.review("v1", customer: "ghost", day: 3)] },
        ]
        for culprit in culprits {
            try await expectRefused(store, doomedBatch(culprit), field: "customer_id", baseline: baseline)
        }
        // Customers created implicitly by an order of the same batch count as stored.
        let fine = doomedBatch { $0.reviews = [StoreFixtures.review("v1", customer: "implicit", day: 3)] }
        #expect(try await store.ingest(fine).reviews.created == 1)
    }

    static func refundRules(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        _ = try await store.ingest(
            IngestBatch(orders: [StoreFixtures.order("1001", customer: "c1", day: 1, total: 1_000)]))
        let r1 = StoreFixtures.refund("r1", order: "1001", day: 2, amount: 600)
        #expect(try await store.ingest(IngestBatch(refunds: [r1])).refunds == UpsertTally(created: 1))

        // Together over the total: refused, nothing stored.
        let r2 = StoreFixtures.refund("r2", order: "1001", day: 3, amount: 401)
        let tooMuch = await #expect(throws: IngestError.self) { _ = try await store.ingest(IngestBatch(refunds: [r2])) }
        #expect(tooMuch?.field == "amount")

        // A refund's own earlier amount does not count against it.
        #expect(try await store.ingest(IngestBatch(refunds: [r1])).refunds == UpsertTally(unchanged: 1))
        var r1Full = r1
        r1Full.amountMinor = 1_000
        #expect(try await store.ingest(IngestBatch(refunds: [r1Full])).refunds == UpsertTally(updated: 1))
        #expect(try await store.refunds(orderExternalID: "1001") == [r1Full])

        // Other currency: refused.
        let dollars = StoreFixtures.refund("r3", order: "1001", day: 3, amount: 1, currency: .usd)
        let currency = await #expect(throws: IngestError.self) {
            _ = try await store.ingest(IngestBatch(refunds: [dollars]))
        }
        #expect(currency?.field == "currency")

        // Refunds of one batch add up with each other; the whole batch is refused.
        _ = try await store.ingest(
            IngestBatch(orders: [StoreFixtures.order("1002", customer: "c1", day: 4, total: 1_000)]))
        let pair = [
            StoreFixtures.refund("r4", order: "1002", day: 5, amount: 600),
            StoreFixtures.refund("r5", order: "1002", day: 5, amount: 600),
        ]
        await #expect(throws: IngestError.self) { _ = try await store.ingest(IngestBatch(refunds: pair)) }
        #expect(try await store.refunds(orderExternalID: "1002").isEmpty)
        #expect(try await store.status().refunds == 1)
    }

    static func checkpointIsAtomic(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        // The caller gives the counts as they were before the batch; the store adds the batch's.
        var run = ImportRun(
            fingerprint: "1048576-9f3c2a", path: "/imports/Bestellungen 2024.csv", format: "shopify-orders",
            byteOffset: 65_536, lineNumber: 812, rowsRead: 811, rowsRejected: 2,
            counts: StoreFixtures.counts(customers: (3, 1, 2), orders: (800, 5, 4), refunds: (1, 0, 0)),
            startedAt: StoreFixtures.date(day: 100), updatedAt: StoreFixtures.date(day: 100, second: 42))
        let first = IngestBatch(orders: [
            StoreFixtures.order("1001", customer: "c1", day: 1), StoreFixtures.order("1002", customer: "c1", day: 2),
        ])
        let firstCounts = try await store.ingest(first, session: "import", checkpoint: run)
        #expect(firstCounts == StoreFixtures.counts(customers: (1, 0, 0), orders: (2, 0, 0)))
        var expected = run
        expected.counts = run.counts + firstCounts
        #expect(try await store.importRun(fingerprint: run.fingerprint) == expected)

        // The next checkpoint replaces it; an empty batch adds nothing.
        run = expected
        run.byteOffset = 1_048_576
        run.lineNumber = 20_000
        run.status = .completed
        run.counts = run.counts + StoreFixtures.counts(marketingSpend: (0, 0, 7), reviews: (1, 2, 3))
        run.updatedAt = StoreFixtures.date(day: 100, second: 99)
        #expect(try await store.ingest(IngestBatch(), session: "import", checkpoint: run) == IngestCounts())
        #expect(try await store.importRun(fingerprint: run.fingerprint) == run)

        // A refused batch leaves the previous checkpoint.
        var later = run
        later.byteOffset = 2_000_000
        let refused = IngestBatch(
            orders: [StoreFixtures.order("1003", customer: "c2", day: 3)],
            shipments: [StoreFixtures.shipment("s1", order: "ghost")])
        await #expect(throws: IngestError.self) {
            _ = try await store.ingest(refused, session: "import", checkpoint: later)
        }
        #expect(try await store.importRun(fingerprint: run.fingerprint) == run)
        #expect(try await store.order(externalID: "1003") == nil)
        #expect(try await store.importRun(fingerprint: "other") == nil)
    }
}
