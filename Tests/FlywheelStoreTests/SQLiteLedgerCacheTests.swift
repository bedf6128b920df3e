import FlywheelCore
import FlywheelLoyalty
import FlywheelStore
import Foundation
import Testing

/// The SQLite engine remembers recently written customers' ledger records (`LedgerRecordsCache`): what a
/// write sees must still be exactly what the file holds — after another process's write, after a write that
/// threw, and with instants the file rounds to the millisecond.
@Suite("SQLite store: cached ledger records")
struct SQLiteLedgerCacheTests {
    /// Thrown by a ledger body on purpose.
    struct Refused: Error {}

    static let at = Date(timeIntervalSince1970: 1_704_067_200)

    @Test("a write made through another store on the file (another process) is seen by the next write")
    func otherConnectionsWritesAreSeen() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let first = try SQLiteStore(path: path)
            try await first.migrate()
            let second = try SQLiteStore(path: path)
            // The first store writes c1 (and so remembers c1's records), the second writes c1 behind its back.
            #expect(try await Self.earn(first, "c1", key: "a", points: 10) == true)
            #expect(try await Self.earn(second, "c1", key: "b", points: 20) == true)
            // The first store must see b as applied and build on all 30 points, not on the 10 it remembered.
            #expect(try await Self.earn(first, "c1", key: "b", points: 20) == false)
            let spent = try await first.withPointsLedger(customer: "c1") { ledger -> Bool in
                if case .applied = ledger.adjust(
                    customer: "c1", points: -30, admin: "test", source: SourceEvent(.manual, key: "take-all"),
                    reason: "test", at: Self.at)
                {
                    return true
                }
                return false
            }
            #expect(spent)
            let records = try await first.withLedger(customer: "c1") { $0 }
            #expect(records.sources.map(\.key) == ["a", "b", "take-all"])
            #expect(try await first.ledgerBalance(customer: "c1").available == 0)
            try first.close()
            try second.close()
        }
    }

    @Test("a write that throws after appending leaves nothing behind in what the next write sees")
    func throwingWriteForgotten() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(path: directory.path("flywheel.sqlite"))
            try await store.migrate()
            #expect(try await Self.earn(store, "c1", key: "a", points: 10) == true)
            await #expect(throws: Refused.self) {
                try await store.withPointsLedger(customer: "c1") { ledger -> Void in
                    _ = ledger.earn(
                        customer: "c1", points: 5, source: SourceEvent(.bonus, key: "thrown"), reason: "bonus",
                        at: Self.at)
                    throw Refused()
                }
            }
            let records = try await store.withLedger(customer: "c1") { $0 }
            #expect(records.sources.map(\.key) == ["a"])
            #expect(records.entries.count == 1)
            // The thrown source was never stored, so it applies now.
            #expect(try await Self.earn(store, "c1", key: "thrown", points: 5) == true)
            #expect(try await store.ledgerBalance(customer: "c1").available == 15)
            try store.close()
        }
    }

    @Test("remembered records equal the records a fresh store reads from the file, to the millisecond")
    func rememberedEqualsStored() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            // An instant between milliseconds: the file keeps it rounded.
            let at = Date(timeIntervalSince1970: 1_704_067_200.123_456)
            for (n, key) in ["a", "b", "c"].enumerated() {
                _ = try await store.withPointsLedger(customer: "c1") { ledger in
                    ledger.earn(
                        customer: "c1", points: Int64(10 * (n + 1)), source: SourceEvent(.bonus, key: key),
                        reason: "bonus", at: at.addingTimeInterval(Double(n) * 0.000_7),
                        expiresAt: at.addingTimeInterval(86_400.000_3))
                }
            }
            let remembered = try await store.withLedger(customer: "c1") { $0 }
            let fresh = try SQLiteStore(path: path)
            let read = try await fresh.withLedger(customer: "c1") { $0 }
            #expect(remembered == read)
            #expect(read.sources.count == 3 && read.lots.count == 3 && read.entries.count == 3)
            try fresh.close()
            try store.close()
        }
    }

    /// Earns `points` under a bonus source `key`; whether it applied now.
    static func earn(_ store: SQLiteStore, _ customer: String, key: String, points: Int64) async throws -> Bool {
        try await store.withPointsLedger(customer: customer) { ledger in
            if case .applied = ledger.earn(
                customer: customer, points: points, source: SourceEvent(.bonus, key: key), reason: "bonus", at: at)
            {
                return true
            }
            return false
        }
    }
}
