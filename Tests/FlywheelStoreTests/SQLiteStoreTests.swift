import FlywheelCore
import FlywheelStore
import Foundation
import GRDB
import Testing

/// What only the SQLite engine promises: the file, its journal, its schema.
@Suite("SQLite store")
struct SQLiteStoreTests {
    static let migrations = [
        "v1 core schema", "v2 access and listings", "v3 dashboard admins", "v4 loyalty ledger", "v5 flow schedule",
        "v6 outbox", "v7 consent", "v8 loyalty codes", "v9 loyalty import", "v10 flow measurement", "v12 flow effects",
        "v13 checkouts", "v14 segments",
        "v15 ledger erasure", "v17 campaign progress",
    ]

    static func order(_ id: String, customer: String?, seconds: Int, total: Int64 = 1_000) -> Order {
        Order(
            externalID: id, customerExternalID: customer,
            placedAt: Date(timeIntervalSince1970: TimeInterval(1_704_067_200 + seconds)), currency: .eur,
            lineItems: [LineItem(sku: "SKU-1", title: "Tee", quantity: 1, totalMinor: total)], subtotalMinor: total,
            totalMinor: total)
    }

    /// Every row of every table, as text, from a connection of its own.
    static func dump(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            var lines = try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
            for table in tables {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
                lines += rows.map { "\(table): \($0)" }.sorted()
            }
            return lines
        }
    }

    @Test("the file is in WAL mode, with foreign keys on and the migrations applied")
    func walAndForeignKeys() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(path: directory.path("flywheel.sqlite"))
            #expect(try await store.diagnostics().pendingMigrations == Self.migrations)
            try await store.migrate()
            let diagnostics = try await store.diagnostics()
            #expect(diagnostics.journalMode == "wal")
            #expect(diagnostics.foreignKeysEnabled)
            #expect(diagnostics.appliedMigrations == Self.migrations)
            #expect(diagnostics.pendingMigrations.isEmpty)
            #expect(try await store.status().schemaVersion == Self.migrations.last)
        }
    }

    @Test("a file migrated before v8 existed gets v8 (the shop-wide code index) on the next start")
    func laterEarlierStep() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            try store.close()
            try await DatabaseQueue(path: path).write { db in
                try db.execute(sql: "DROP INDEX loyalty_sources_redemption_code")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v8 loyalty codes'")
            }
            let reopened = try SQLiteStore(path: path)
            #expect(try await reopened.diagnostics().pendingMigrations == ["v8 loyalty codes"])
            try await reopened.migrate()
            #expect(try await reopened.diagnostics().pendingMigrations.isEmpty)
            let index = try await DatabaseQueue(path: path).read { db in
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'loyalty_sources_redemption_code'")
            }
            #expect(index == 1)
        }
    }

    @Test("migrations are recorded by name and applying them again changes nothing")
    func migrationsIdempotent() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            _ = try await store.ingest(IngestBatch(orders: [Self.order("1001", customer: "c1", seconds: 0)]))
            let before = try Self.dump(path)
            try await store.migrate()
            try store.close()
            let reopened = try SQLiteStore(path: path)
            try await reopened.migrate()
            #expect(try Self.dump(path) == before)
            let recorded = try await DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
            #expect(recorded == Self.migrations)
        }
    }

    @Test("data survives closing and reopening the file")
    func survivesReopening() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let run = ImportRun(
                fingerprint: "f1", path: "orders.csv", format: "cdnow", byteOffset: 99, lineNumber: 3,
                startedAt: Date(timeIntervalSince1970: 1_704_067_200),
                updatedAt: Date(timeIntervalSince1970: 1_704_067_260))
            let batch = IngestBatch(
                customers: [Customer(externalID: "c1", email: "c1@example.com", locale: .en)],
                orders: [
                    Self.order("1001", customer: "c1", seconds: 60), Self.order("1002", customer: nil, seconds: 120),
                ])
            do {
                let store = try SQLiteStore(path: path)
                try await store.migrate()
                try await store.saveShopSettings(.defaults)
                _ = try await store.ingest(batch, session: "s", checkpoint: run)
                try store.close()
            }
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            #expect(try await store.shopSettings() == .defaults)
            #expect(try await store.order(externalID: "1001") == batch.orders[0])
            #expect(try await store.order(externalID: "1002") == batch.orders[1])
            #expect(try await store.customer(externalID: "c1")?.email == "c1@example.com")
            var checkpoint = run
            checkpoint.counts.customers.created = 1
            checkpoint.counts.orders.created = 2
            #expect(try await store.importRun(fingerprint: "f1") == checkpoint)
            #expect(try await store.status().orders == 2)
            // A new session after reopening counts customers afresh.
            #expect(try await store.ingest(batch, session: "s", checkpoint: nil).customers == UpsertTally(unchanged: 1))
        }
    }

    @Test("the schema enforces foreign keys, integer money and unique external ids")
    func schemaInvariants() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            _ = try await store.ingest(IngestBatch(orders: [Self.order("1001", customer: "c1", seconds: 0)]))
            let queue = try DatabaseQueue(path: path)
            let refused = [
                "INSERT INTO order_lines (order_id, position, quantity, total_minor) VALUES (999, 0, 1, 100)",
                "INSERT INTO refunds (external_id, order_id, created_at, amount_minor, currency, content_hash) "
                    + "VALUES ('r1', 999, 0, 100, 'EUR', 0)",
                "INSERT INTO survey_answers (external_id, customer_id, question, score, answered_at, content_hash) "
                    + "VALUES ('a1', 999, 'nps', 9, 0, 0)",
                "UPDATE orders SET total_minor = '12.50'",
                "UPDATE orders SET placed_at = NULL",
                "INSERT INTO customers (external_id, content_hash) VALUES ('c1', 0)",
            ]
            for sql in refused {
                await #expect(throws: DatabaseError.self, "\(sql)") {
                    try await queue.write { try $0.execute(sql: sql) }
                }
            }
            let stored = try await queue.read { db -> [String] in
                let row = try Row.fetchOne(
                    db, sql: "SELECT placed_at, total_minor, currency, typeof(total_minor) AS type FROM orders")
                return [row?["placed_at"], row?["total_minor"], row?["currency"], row?["type"]].map {
                    ($0 as DatabaseValue?)?.description ?? "nil"
                }
            }
            // Milliseconds since the epoch, UTC; money in minor units, an INTEGER.
            #expect(stored == ["1704067200000", "1000", "\"EUR\"", "\"integer\""])
            try queue.close()
        }
    }

    @Test("a refused batch leaves the file exactly as before")
    func refusedBatchLeavesFile() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            let run = ImportRun(
                fingerprint: "f1", path: "orders.csv", format: "cdnow", startedAt: Date(timeIntervalSince1970: 0),
                updatedAt: Date(timeIntervalSince1970: 0))
            _ = try await store.ingest(
                IngestBatch(orders: (1...50).map { Self.order("\($0)", customer: "c\($0 % 7)", seconds: $0) }),
                session: "s", checkpoint: run)
            let before = try Self.dump(path)
            var later = run
            later.byteOffset = 1_000
            // Big enough to spill pages before the refusal.
            let batch = IngestBatch(
                customers: [Customer(externalID: "c1", firstName: "Changed")],
                orders: (1...5_000).map { Self.order("\($0)", customer: "c\($0 % 11)", seconds: $0, total: 2_000) },
                refunds: [
                    Refund(
                        externalID: "r1", orderExternalID: "ghost", createdAt: Date(), amountMinor: 1, currency: .eur)
                ])
            await #expect(throws: IngestError.self) {
                _ = try await store.ingest(batch, session: "s", checkpoint: later)
            }
            #expect(try Self.dump(path) == before)
            let checks = try await DatabaseQueue(path: path).read { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                    try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
                )
            }
            #expect(checks.0 == "ok")
            #expect(checks.1 == 0)
        }
    }

    @Test("a file migrated by a newer Flywheel is refused")
    func newerSchemaRefused() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            try await DatabaseQueue(path: path).write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99 from the future')")
            }
            await #expect(throws: SQLiteStoreError.self) { try await store.migrate() }
        }
    }

    @Test("a value this version cannot read fails loudly")
    func unreadableValue() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            _ = try await store.ingest(IngestBatch(orders: [Self.order("1001", customer: "c1", seconds: 0)]))
            try await DatabaseQueue(path: path).write { db in
                try db.execute(sql: "UPDATE orders SET financial_status = 'bartered'")
            }
            let error = await #expect(throws: SQLiteStoreError.self) { _ = try await store.order(externalID: "1001") }
            #expect(error?.description.contains("orders.financial_status") == true)
        }
    }
}
