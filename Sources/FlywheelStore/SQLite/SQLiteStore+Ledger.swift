public import FlywheelCore
public import Foundation
import GRDB

extension SQLiteStore {
    /// One write (`BEGIN IMMEDIATE`: the file's single writer, so customers are serialised, here and across
    /// processes sharing the file): reads the customer's records, runs `body`, inserts what it appended and
    /// upserts the cached balance. A duplicate source hits `UNIQUE (customer, kind, key)`.
    ///
    /// Concurrent calls share write transactions (`GroupCommit`): each runs in a savepoint of its own, one
    /// after another, and returns once the shared transaction committed — as atomic, serialised and durable
    /// as a transaction of its own, at a fraction of the commits under load (docs/storage.md). The records of
    /// a customer written recently come from `LedgerRecordsCache` instead of the file, exact as read back.
    public func withLedger<T: Sendable>(
        customer: String, _ body: @Sendable (inout CustomerLedgerRecords) throws -> T
    ) async throws -> T {
        try await withoutActuallyEscaping(body) { body in
            try await groupCommit.write { [ledgerCache] db in
                var records = try ledgerCache.take(customer, db) ?? Self.ledgerRecords(db, customer: customer)
                let result = try body(&records)
                if records.hasChanges { try Self.insert(records, db) }
                ledgerCache.putBack(records, after: db)
                return result
            }
        }
    }

    public func ledgerHistory(_ query: LedgerHistoryQuery) async throws -> LedgerHistoryPage {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: "\(Self.entrySelect) WHERE customer = ? AND sequence < ? ORDER BY sequence DESC LIMIT ?"),
                arguments: [query.customer, query.before ?? Int.max, query.limit + 1])
            return LedgerHistoryPage.cut(try rows.map(Self.entry(row:)), limit: query.limit)
        }
    }

    public func ledgerBalance(customer: String) async throws -> LedgerBalance {
        try await pool.read { db in
            try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT available, pending, entry_count FROM loyalty_balances WHERE customer = ?"),
                arguments: [customer]
            ).map { row in
                let r = StoredRow(row, table: "loyalty_balances")
                return LedgerBalance(
                    customer: customer, available: try r.int64("available"), pending: try r.int64("pending"),
                    entryCount: try r.int("entry_count"))
            } ?? LedgerBalance(customer: customer)
        }
    }

    /// Lots with what their taking entries left, pending unless a source released them.
    public func openLedgerLots() async throws -> [LedgerOpenLot] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.lotColumns.map { "l." + $0 }.joined(separator: ", ")),
                           l.earned - coalesce(t.taken, 0) AS remaining,
                           l.pending = 1 AND r.lot IS NULL AS still_pending
                    FROM loyalty_lots l
                    LEFT JOIN (
                        SELECT customer, lot, sum(points) AS taken FROM loyalty_entries
                        WHERE debit IN ('available', 'pending') AND credit NOT IN ('available', 'pending')
                        GROUP BY customer, lot
                    ) t ON t.customer = l.customer AND t.lot = l.number
                    LEFT JOIN (
                        SELECT DISTINCT customer, releases_lot AS lot FROM loyalty_sources
                        WHERE releases_lot IS NOT NULL
                    ) r ON r.customer = l.customer AND r.lot = l.number
                    WHERE l.earned - coalesce(t.taken, 0) > 0
                    ORDER BY l.customer, l.number
                    """
            ).map { row in
                let r = StoredRow(row, table: "loyalty_lots")
                return LedgerOpenLot(
                    lot: try Self.lot(row: row), remaining: try r.int64("remaining"),
                    isPending: try r.bool("still_pending"))
            }
        }
    }

    public func ledgerLastActivity(kinds: [String]) async throws -> [String: Date] {
        guard !kinds.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: kinds.count).joined(separator: ", ")
        return try await pool.read { db in
            var last: [String: Date] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT customer, max(at) AS at FROM loyalty_sources WHERE kind IN (\(marks)) GROUP BY customer",
                arguments: StatementArguments(kinds))
            while let row = try rows.next() {
                let r = StoredRow(row, table: "loyalty_sources")
                last[try r.string("customer")] = try r.date("at")
            }
            return last
        }
    }

    public func ledgerSources(kind: String, key: String) async throws -> [LedgerSourceRecord] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "\(Self.sourceSelect) WHERE kind = ? AND key = ? ORDER BY customer",
                arguments: [kind, key]
            ).map(Self.source(row:))
        }
    }

    // MARK: Reading and writing one customer's records

    /// The customer's records, read through cursors (no copied rows) and decoded by column position: a write
    /// whose customer is not in `LedgerRecordsCache` reads its customer's whole ledger here, on the writer
    /// (docs/performance.md, "Ledger writes through the API").
    private static func ledgerRecords(_ db: Database, customer: String) throws -> CustomerLedgerRecords {
        var sources: [LedgerSourceRecord] = []
        let sourceRows = try Row.fetchCursor(
            db.cachedStatement(sql: "\(sourceSelect) WHERE customer = ? ORDER BY sequence"), arguments: [customer])
        while let row = try sourceRows.next() { sources.append(try source(row: row)) }
        var lots: [LedgerLotRecord] = []
        let lotRows = try Row.fetchCursor(
            db.cachedStatement(sql: "\(lotSelect) WHERE customer = ? ORDER BY number"), arguments: [customer])
        while let row = try lotRows.next() { lots.append(try lot(row: row)) }
        var entries: [LedgerEntryRecord] = []
        entries.reserveCapacity(sources.count + lots.count)
        let entryRows = try Row.fetchCursor(
            db.cachedStatement(sql: "\(entrySelect) WHERE customer = ? ORDER BY sequence"), arguments: [customer])
        while let row = try entryRows.next() { entries.append(try entry(row: row)) }
        return CustomerLedgerRecords(customer: customer, sources: sources, lots: lots, entries: entries)
    }

    private static func insert(_ records: CustomerLedgerRecords, _ db: Database) throws {
        let insertSource = try db.cachedStatement(
            sql: """
                INSERT INTO loyalty_sources (customer, sequence, kind, key, at, reference, releases_lot, refunded_minor,
                    accounted_points, shortfall_points)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for source in records.newSources {
            do {
                try insertSource.execute(arguments: [
                    source.customer, source.sequence, source.kind, source.key, EpochMilliseconds.from(source.at),
                    source.reference, source.releasesLot, source.refundedMinor, source.accountedPoints,
                    source.shortfallPoints,
                ])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                // The unique index `v8 loyalty codes`: another customer holds the redemption's code.
                if source.kind == "redemption",
                    try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM loyalty_sources WHERE kind = 'redemption' AND key = ? AND customer <> ?",
                        arguments: [source.key, source.customer]) == true
                {
                    throw LedgerStoreError.codeTaken(source.key)
                }
                throw LedgerStoreError.duplicateSource(kind: source.kind, key: source.key)
            }
        }
        let insertLot = try db.cachedStatement(
            sql: """
                INSERT INTO loyalty_lots (customer, number, source_kind, source_key, earned_at, expires_at, earned,
                    pending, order_amount_minor, order_currency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for lot in records.newLots {
            try insertLot.execute(arguments: [
                lot.customer, lot.number, lot.sourceKind, lot.sourceKey, EpochMilliseconds.from(lot.earnedAt),
                lot.expiresAt.map(EpochMilliseconds.from), lot.earned, lot.pending ? 1 : 0,
                lot.orderAmount?.minorUnits, lot.orderAmount?.currency.code,
            ])
        }
        let insertEntry = try db.cachedStatement(
            sql: """
                INSERT INTO loyalty_entries (customer, sequence, debit, credit, points, source_kind, source_key, reason,
                    at, lot, admin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for entry in records.newEntries {
            try insertEntry.execute(arguments: [
                entry.customer, entry.sequence, entry.debit.rawValue, entry.credit.rawValue, entry.points,
                entry.sourceKind, entry.sourceKey, entry.reason, EpochMilliseconds.from(entry.at), entry.lot,
                entry.admin,
            ])
        }
        let balance = records.balance
        try db.cachedStatement(
            sql: """
                INSERT INTO loyalty_balances (customer, available, pending, entry_count) VALUES (?, ?, ?, ?)
                ON CONFLICT (customer) DO UPDATE SET available = excluded.available, pending = excluded.pending,
                    entry_count = excluded.entry_count
                """
        ).execute(arguments: [balance.customer, balance.available, balance.pending, balance.entryCount])
    }

    // The decoders read by position: each SELECT below lists its columns in the order they are read.

    private static let entrySelect = """
        SELECT customer, sequence, debit, credit, points, source_kind, source_key, reason, at, lot, admin
        FROM loyalty_entries
        """

    private static func entry(row: Row) throws -> LedgerEntryRecord {
        let r = StoredRow(row, table: "loyalty_entries")
        return LedgerEntryRecord(
            customer: try r.string(0, "customer"), sequence: try r.int(1, "sequence"),
            debit: try r.value(2, "debit"), credit: try r.value(3, "credit"), points: try r.int64(4, "points"),
            sourceKind: try r.string(5, "source_kind"), sourceKey: try r.string(6, "source_key"),
            reason: try r.string(7, "reason"), at: try r.date(8, "at"), lot: try r.int(9, "lot"),
            admin: r.optionalString(10))
    }

    /// The lot columns (`l.` before each in a join), in the order `lot(row:)` reads them.
    private static let lotColumns = [
        "customer", "number", "source_kind", "source_key", "earned_at", "expires_at", "earned", "pending",
        "order_amount_minor", "order_currency",
    ]

    private static let lotSelect = "SELECT \(lotColumns.joined(separator: ", ")) FROM loyalty_lots"

    private static func lot(row: Row) throws -> LedgerLotRecord {
        let r = StoredRow(row, table: "loyalty_lots")
        let amount: Money? =
            if let minor = r.optionalInt64(8) {
                Money(minorUnits: minor, currency: try r.currency(9, "order_currency"))
            } else { nil }
        return LedgerLotRecord(
            customer: try r.string(0, "customer"), number: try r.int(1, "number"),
            sourceKind: try r.string(2, "source_kind"), sourceKey: try r.string(3, "source_key"),
            earnedAt: try r.date(4, "earned_at"), expiresAt: r.optionalDate(5),
            earned: try r.int64(6, "earned"), pending: try r.bool(7, "pending"), orderAmount: amount)
    }

    private static let sourceSelect = """
        SELECT customer, sequence, kind, key, at, reference, releases_lot, refunded_minor, accounted_points,
            shortfall_points
        FROM loyalty_sources
        """

    private static func source(row: Row) throws -> LedgerSourceRecord {
        let r = StoredRow(row, table: "loyalty_sources")
        return LedgerSourceRecord(
            customer: try r.string(0, "customer"), sequence: try r.int(1, "sequence"), kind: try r.string(2, "kind"),
            key: try r.string(3, "key"), at: try r.date(4, "at"), reference: r.optionalString(5),
            releasesLot: try r.optionalInt(6, "releases_lot"), refundedMinor: r.optionalInt64(7),
            accountedPoints: r.optionalInt64(8), shortfallPoints: try r.int64(9, "shortfall_points"))
    }
}
