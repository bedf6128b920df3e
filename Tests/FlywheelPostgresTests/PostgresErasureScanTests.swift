import FlywheelCore
import FlywheelStore
import FlywheelTesting
import Foundation
import PostgresNIO
import Testing

@Suite(
    "PostgreSQL store: erasure leaves the person in no table",
    .enabled(if: PostgresTestServer.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/test sets it)"))
struct PostgresErasureScanTests {
    @Test("after erasure no text, JSON or bytes column of any table holds the customer's id, e-mail or name (loyalty ledger and stored API answers included)")
    func everyTableScanned() async throws {
        try await PostgresTestServer.withDatabase { url in
            let store = try await PostgresStore.connect(url: url)
            do {
                try await ErasureFixture.seed(store)
                let before = try await Self.hits(url)
                for table in ["customers", "outbox_messages", "flow_enrolments", "flow_timeline", "customer_tags", "support_tickets",
                    "issued_coupons", "message_events", "loyalty_sources", "loyalty_lots", "loyalty_entries", "loyalty_balances",
                    "loyalty_imported_members", "idempotency_records"]
                {
                    #expect(before.contains { $0.hasPrefix(table + ".") }, "\(table)")
                }
                try await ErasureFixture.erase(store)
                let after = try await Self.hits(url)
                #expect(after.isEmpty, "personal data left in: \(after)")
                await store.shutdown()
            } catch {
                await store.shutdown()
                throw error
            }
        }
    }

    @Test("the ledger stays append-only: only an erasure's rename into a recorded pseudonym passes the trigger")
    func ledgerStaysAppendOnly() async throws {
        try await PostgresTestServer.withDatabase { url in
            let store = try await PostgresStore.connect(url: url)
            do {
                try await ErasureFixture.seed(store)
                try await ErasureFixture.erase(store)
                await store.shutdown()
            } catch {
                await store.shutdown()
                throw error
            }
            let pseudonym = ErasureFixture.pseudonym
            let refused: [PostgresQuery] = [
                "UPDATE loyalty_entries SET points = points + 1 WHERE customer = 'other'",
                "UPDATE loyalty_sources SET customer = 'mallory' WHERE customer = 'other'",
                "UPDATE loyalty_lots SET customer = 'mallory' WHERE customer = 'other'",
                "UPDATE loyalty_entries SET customer = \(pseudonym), points = points + 1 WHERE customer = 'other'",
                "UPDATE loyalty_sources SET reference = 'mallory' WHERE key = 'signup'",
                "DELETE FROM loyalty_entries WHERE customer = \(pseudonym)",
                "DELETE FROM loyalty_sources WHERE customer = 'other'",
            ]
            for query in refused {
                await #expect(throws: (any Error).self, "\(query.sql)") { _ = try await PostgresTestServer.query(url, query) }
            }
            let names = try await PostgresTestServer.query(
                url, "SELECT DISTINCT customer FROM loyalty_entries ORDER BY customer"
            ).map { try $0.decode(String.self) }
            #expect(names == [pseudonym, "other"])
            let erasures = try await PostgresTestServer.query(url, "SELECT pseudonym FROM loyalty_erasures").map {
                try $0.decode(String.self)
            }
            #expect(erasures == [pseudonym])
        }
    }

    /// `table.column: string` for every personal string found in any text-like column of any table of the
    /// schema (found generically through information_schema, so later tables are scanned too).
    static func hits(_ url: PostgresURL) async throws -> [String] {
        let columns = try await PostgresTestServer.query(
            url,
            """
            SELECT c.table_name::text, c.column_name::text, c.data_type::text FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
              AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
            ORDER BY c.table_name, c.column_name
            """)
        var hits: [String] = []
        for row in columns {
            let (table, column, type) = try row.decode((String, String, String).self)
            // bytea as escaped text (the personal strings are ASCII); everything else as text.
            let expression = type == "bytea" ? "encode(\"\(column)\", 'escape')" : "\"\(column)\"::text"
            for personal in ErasureFixture.personalStrings {
                let query: PostgresQuery =
                    "SELECT count(*) FROM \(unescaped: "\"\(table)\"") WHERE strpos(lower(\(unescaped: expression)), lower(\(personal))) > 0"
                let count = try await PostgresTestServer.query(url, query).first?.decode(Int.self) ?? 0
                if count > 0 { hits.append("\(table).\(column): \(personal)") }
            }
        }
        return hits
    }
}
