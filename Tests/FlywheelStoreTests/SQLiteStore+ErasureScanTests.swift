import FlywheelCore
import FlywheelStore
import FlywheelTesting
import Foundation
import GRDB
import Testing

@Suite("SQLite store: erasure leaves the person in no table")
struct SQLiteErasureScanTests {
    @Test("after erasure no text in any column of any table holds the customer's id, e-mail or name (flows' data, loyalty ledger and stored API answers included)")
    func everyTableScanned() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await ErasureFixture.seed(store)
            let before = try Self.hits(path)
            // The seed reaches the flows' tables (else the scan below would prove nothing about them).
            for table in ["customers", "outbox_messages", "flow_enrolments", "flow_timeline", "customer_tags",
                "support_tickets", "issued_coupons", "message_events", "loyalty_sources", "loyalty_lots", "loyalty_entries",
                "loyalty_balances", "loyalty_imported_members", "idempotency_records"]
            {
                #expect(before.contains { $0.hasPrefix(table + ".") }, "\(table)")
            }
            try await ErasureFixture.erase(store)
            let after = try Self.hits(path)
            #expect(after.isEmpty, "personal data left in: \(after)")
            try store.close()
        }
    }

    @Test("the ledger stays append-only: only an erasure's rename into a recorded pseudonym passes the triggers")
    func ledgerStaysAppendOnly() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await ErasureFixture.seed(store)
            try await ErasureFixture.erase(store)
            try store.close()
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            let pseudonym = ErasureFixture.pseudonym
            let refused = [
                "UPDATE loyalty_entries SET points = points + 1 WHERE customer = 'other'",
                "UPDATE loyalty_sources SET customer = 'mallory' WHERE customer = 'other'",
                "UPDATE loyalty_lots SET customer = 'mallory' WHERE customer = 'other'",
                // A recorded pseudonym, but the amount changes too.
                "UPDATE loyalty_entries SET customer = '\(pseudonym)', points = points + 1 WHERE customer = 'other'",
                "UPDATE loyalty_sources SET reference = 'mallory' WHERE key = 'signup'",
                "DELETE FROM loyalty_entries WHERE customer = '\(pseudonym)'",
                "DELETE FROM loyalty_sources WHERE customer = 'other'",
            ]
            for sql in refused {
                #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { try $0.execute(sql: sql) } }
            }
            // The rows are as the erasure left them.
            let names = try await queue.read { try String.fetchAll($0, sql: "SELECT DISTINCT customer FROM loyalty_entries ORDER BY customer") }
            #expect(names == [pseudonym, "other"])
            let erasures = try await queue.read { try String.fetchAll($0, sql: "SELECT pseudonym FROM loyalty_erasures") }
            #expect(erasures == [pseudonym])
        }
    }

    /// `table.column: string` for every personal string of the fixture in any text or blob column of any table.
    static func hits(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var hits: [String] = []
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                    for (column, value) in row {
                        let text: String
                        switch value.storage {
                        case .string(let string): text = string
                        case .blob(let data): text = String(decoding: data, as: UTF8.self)
                        default: continue
                        }
                        for found in ErasureFixture.personalStrings(in: text) { hits.append("\(table).\(column): \(found)") }
                    }
                }
            }
            return hits
        }
    }
}
