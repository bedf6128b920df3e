import FlywheelCore
import Testing

extension StoreConformance {
    /// Batches of hundreds of orders, as an import sends them: new orders first, then stored ones (some
    /// changed), an order twice in one batch, and refunds of both kinds of order. Engines may take another
    /// path for large batches; the outcome must not differ.
    static func largeBatches(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        func stored(_ i: Int, total: Int64 = 1_000) -> Order {
            StoreFixtures.order("m-\(i)", customer: "mc-\(i % 10)", day: 1, second: i, total: total)
        }
        func new(_ i: Int, total: Int64 = 2_000) -> Order {
            StoreFixtures.order("n-\(i)", customer: "nc-\(i % 50)", day: 2, second: i, total: total)
        }
        _ = try await store.ingest(IngestBatch(orders: (0..<100).map { stored($0) }))

        var orders = (0..<500).map { new($0) }
        orders += (0..<100).map { $0.isMultiple(of: 2) ? stored($0, total: 1_500) : stored($0) }
        orders += [new(0, total: 2_500), new(1)]
        let refunds = [
            StoreFixtures.refund("rm-5", order: "m-5", day: 3, amount: 100),
            StoreFixtures.refund("rn-7", order: "n-7", day: 3, amount: 100),
        ]
        let batch = IngestBatch(orders: orders, refunds: refunds)
        #expect(
            try await store.ingest(batch)
                == StoreFixtures.counts(customers: (50, 0, 552), orders: (500, 51, 51), refunds: (2, 0, 0)))
        #expect(try await store.order(externalID: "m-4")?.totalMinor == 1_500)
        #expect(try await store.order(externalID: "m-5")?.totalMinor == 1_000)
        #expect(try await store.order(externalID: "n-0") == new(0, total: 2_500))
        #expect(try await store.order(externalID: "n-499") == new(499))
        #expect(try await store.refunds(orderExternalID: "n-7") == [refunds[1]])
        #expect(try await store.orders(customerExternalID: "nc-3").count == 10)

        // Again: n-0 changes twice (its first line differs from what the last one stored), the rest is stored.
        #expect(
            try await store.ingest(batch)
                == StoreFixtures.counts(customers: (0, 0, 602), orders: (0, 2, 600), refunds: (0, 0, 2)))
        #expect(try await store.order(externalID: "n-0") == new(0, total: 2_500))
        let status = try await store.status()
        #expect(status.orders == 600 && status.customers == 60 && status.refunds == 2)
    }
}

extension StoreConformance {
    /// Hundreds of orders of several lines and discounts in one batch: more lines than any engine's internal
    /// chunk, in every position, all stored and read back exactly.
    static func multiLineOrdersInBulk(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        func order(_ i: Int) -> Order {
            var order = StoreFixtures.order("ml-\(i)", customer: "mlc-\(i % 37)", day: 1 + i % 20, second: i)
            let lines = 1 + i % 7
            order.lineItems = (0..<lines).map { LineItem(sku: "S\($0)", title: "Line \($0)", quantity: 1 + $0, totalMinor: 100) }
            order.discounts = (0..<(i % 3)).map { DiscountApplication(code: "D\($0)", amountMinor: 10) }
            order.subtotalMinor = Int64(lines) * 100 - Int64(i % 3) * 10
            order.totalMinor = order.subtotalMinor
            return order
        }
        let orders = (0..<1_100).map(order)
        let counts = try await store.ingest(IngestBatch(orders: orders))
        #expect(counts.orders == UpsertTally(created: 1_100))
        for i in [0, 1, 6, 31, 32, 33, 200, 399, 1_099] {
            #expect(try await store.order(externalID: "ml-\(i)") == orders[i])
        }
        // Listed in pages, with their lines and discounts, every order comes back whole.
        var listed: [Order] = []
        var after: String?
        repeat {
            let page = try await store.orders(OrderQuery(after: after, limit: 1_000))
            listed += page.items
            after = page.nextAfter
        } while after != nil
        #expect(Set(listed) == Set(orders))
        #expect(listed.count == 1_100)
        #expect(try await store.ingest(IngestBatch(orders: orders)).orders == UpsertTally(unchanged: 1_100))
    }
}
