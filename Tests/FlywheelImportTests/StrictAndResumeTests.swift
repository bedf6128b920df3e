import Foundation
import Testing
@testable import FlywheelImport
import FlywheelCore

@Suite("Strict mode, interruption and resume")
struct StrictAndResumeTests {
    @Test("--strict stores nothing when any row is bad, and everything when none is")
    func strict() async throws {
        let store = InMemoryStore()
        _ = try await TestFiles.importFile(TestFiles.fixture("csv/history.csv"), format: .csv, into: store)
        let before = try await store.status()
        let bad = try await TestFiles.importFile(
            TestFiles.fixture("shopify/orders_export_bad.csv"), format: .shopify, into: store, strict: true)
        #expect(bad.strictAborted)
        #expect(bad.rowsRejected == 5)
        #expect(try await store.status() == before)

        let good = try await TestFiles.importFile(
            TestFiles.fixture("shopify/orders_export_eu.csv"), format: .shopify, into: store, strict: true)
        #expect(!good.strictAborted)
        #expect(good.counts.orders.created == 6)
    }

    @Test("an import that died mid-file resumes after the last stored batch: nothing twice, nothing missing")
    func resume() async throws {
        let path = TestFiles.fixture("cdnow/CDNOW_sample.txt")
        let store = InMemoryStore()
        let countdown = Countdown(3)
        let dying = InterceptingStore(base: store) { _ in
            if await countdown.tick() { throw Death() }
        }
        await #expect(throws: Death.self) {
            _ = try await TestFiles.importFile(path, format: .cdnowSample, into: dying, batchSize: 500)
        }
        let partial = try await store.status().orders
        #expect(partial > 0 && partial < 6_919)

        let resumed = try await TestFiles.importFile(path, format: .cdnowSample, into: store, batchSize: 500)
        #expect(resumed.resumedAtLine != nil)
        #expect(resumed.rowsRead == 6_919)
        #expect(resumed.counts.orders.created == 6_919)
        #expect(resumed.counts.orders.unchanged == 0)
        #expect(try await store.status().orders == 6_919)
        #expect(try await store.status().customers == 2_357)

        // Once complete, the same file is a fresh, idempotent pass.
        let again = try await TestFiles.importFile(path, format: .cdnowSample, into: store, batchSize: 500)
        #expect(again.resumedAtLine == nil)
        #expect(again.counts.orders.unchanged == 6_919)
    }

    @Test("a batch the store refuses is retried unit by unit, and only the faulty unit is rejected")
    func isolation() async throws {
        let store = InterceptingStore(base: InMemoryStore()) { batch in
            if batch.orders.contains(where: { $0.externalID == "O-3" }) {
                throw IngestError(record: "order O-3", field: "order_id", reason: "is refused by this test")
            }
        }
        let summary = try await TestFiles.importFile(TestFiles.fixture("csv/history.csv"), format: .csv, into: store)
        #expect(summary.counts.orders.created == 3)
        #expect(summary.rowsRejected == 1)
        #expect(summary.errors.first?.line == 5)
        #expect(summary.errors.first?.field == "order_id")
    }
}

/// What a killed process looks like to the importer: the store stops answering.
struct Death: Error {}

/// Counts batches down to zero; `tick()` is true once none are left.
actor Countdown {
    private var remaining: Int
    init(_ remaining: Int) { self.remaining = remaining }
    func tick() -> Bool {
        remaining -= 1
        return remaining < 0
    }
}
