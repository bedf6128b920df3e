import FlywheelCore
import FlywheelStore
import Foundation
import Testing

/// How fast batches go into PostgreSQL: 100,000 orders in 20 batches of 5,000 (the importer's batch size) in
/// one session, as an import sends them. Prints orders per second (wall time of the `ingest` calls, the
/// server's work included) and checks what was stored. Run on demand (figures in docs/storage.md):
///
///     FLYWHEEL_POSTGRES_BENCH=1 scripts/with-postgres swift test -c release --filter IngestSpeed
// Skipped unless asked for: it takes tens of seconds, and its figures mean little in a debug build.
@Suite(
    "PostgreSQL store: ingest speed",
    .enabled(
        if: PostgresTestServer.isConfigured && ProcessInfo.processInfo.environment["FLYWHEEL_POSTGRES_BENCH"] == "1",
        "a benchmark: set FLYWHEEL_POSTGRES_BENCH=1 (and FLYWHEEL_TEST_POSTGRES_URL) to run it"))
struct PostgresStoreIngestSpeedTests {
    static let orderCount = 100_000
    static let batchSize = 5_000

    /// Order `i`, of one or two lines, of customer `customer(i)`.
    static func order(_ i: Int, customer: (Int) -> Int) -> Order {
        let lines = (0..<(1 + i % 2)).map {
            LineItem(sku: "SKU-\((i + $0) % 500)", title: "Tea", quantity: 1, totalMinor: 1_250)
        }
        let total = Int64(lines.count) * 1_250
        return Order(
            externalID: "\(1_000_000 + i)", customerExternalID: "customer-\(customer(i))",
            placedAt: Date(timeIntervalSince1970: 1_600_000_000 + TimeInterval(i) * 60), channel: "web",
            currency: .eur, lineItems: lines, subtotalMinor: total, totalMinor: total)
    }

    /// Ingests the orders in batches of one session; returns orders per second and the summed counts.
    static func ingest(_ orders: [Order], into store: PostgresStore, session: String) async throws
        -> (rate: Double, counts: IngestCounts)
    {
        var counts = IngestCounts()
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            for start in stride(from: 0, to: orders.count, by: batchSize) {
                let batch = IngestBatch(orders: Array(orders[start..<min(start + batchSize, orders.count)]))
                counts = counts + (try await store.ingest(batch, session: session, checkpoint: nil))
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (Double(orders.count) / seconds, counts)
    }

    static func report(_ scenario: String, _ rate: Double) {
        print("PostgreSQL ingest, \(scenario): \(orderCount) orders, \(Int(rate.rounded())) orders/s")
    }

    @Test("100,000 orders: customers' orders together, then all again, then customers at random")
    func ingestSpeed() async throws {
        try await PostgresTestServer.withStore { store in
            try await store.migrate()
            let together = (0..<Self.orderCount).map { Self.order($0, customer: { $0 / 3 }) }
            let fresh = try await Self.ingest(together, into: store, session: "fresh")
            Self.report("new, a customer's orders together (3 per customer)", fresh.rate)
            #expect(fresh.counts.orders == UpsertTally(created: Self.orderCount))
            #expect(fresh.counts.customers == UpsertTally(created: (Self.orderCount + 2) / 3))

            let again = try await Self.ingest(together, into: store, session: "again")
            Self.report("the same again (all unchanged)", again.rate)
            #expect(again.counts.orders == UpsertTally(unchanged: Self.orderCount))

            // Another 100,000 orders whose customers are drawn at random among 33,000 (a fixed LCG).
            var state: UInt64 = 42
            let random = (0..<Self.orderCount).map { i -> Order in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let customer = Int((state >> 33) % 33_000)
                return Self.order(Self.orderCount + i, customer: { _ in 100_000 + customer })
            }
            let scattered = try await Self.ingest(random, into: store, session: "random")
            Self.report("new, customers at random among 33,000", scattered.rate)
            #expect(scattered.counts.orders == UpsertTally(created: Self.orderCount))
            let status = try await store.status()
            #expect(status.orders == 2 * Self.orderCount)
        }
    }
}
