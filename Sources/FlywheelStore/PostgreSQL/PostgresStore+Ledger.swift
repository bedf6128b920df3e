public import FlywheelCore
public import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// One transaction on one connection: takes the customer's advisory lock (`LedgerLock`: transactions of
    /// the same customer, from any process, run one after the other), reads the customer's records, runs
    /// `body`, inserts what it appended and upserts the cached balance, then commits (which releases the
    /// lock). A source already stored for the customer is refused by `UNIQUE (customer, kind, key)`.
    public func withLedger<T: Sendable>(
        customer: String, _ body: @Sendable (inout CustomerLedgerRecords) throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            try await connection.transaction(logger: self.logger) { connection in
                try await connection.run(
                    "SELECT pg_advisory_xact_lock(\(LedgerLock.space), \(LedgerLock.key(customer)))",
                    logger: self.logger)
                var records = try await self.ledgerRecords(customer: customer, on: connection)
                let result = try body(&records)
                if records.hasChanges { try await self.insert(records, on: connection) }
                return result
            }
        }
    }

    public func ledgerHistory(_ query: LedgerHistoryQuery) async throws -> LedgerHistoryPage {
        let rows = try await rows(
            """
            \(unescaped: Self.entrySelect) WHERE customer = \(query.customer) AND sequence < \(query.before ?? Int.max)
            ORDER BY sequence DESC LIMIT \(query.limit + 1)
            """)
        return LedgerHistoryPage.cut(try rows.map(Self.entry(row:)), limit: query.limit)
    }

    public func ledgerBalance(customer: String) async throws -> LedgerBalance {
        try await rows(
            "SELECT available, pending, entry_count FROM loyalty_balances WHERE customer = \(customer)"
        ).first.map { row in
            let r = PostgresStoredRow(row, table: "loyalty_balances")
            return LedgerBalance(
                customer: customer, available: try r.int64("available"), pending: try r.int64("pending"),
                entryCount: try r.int("entry_count"))
        } ?? LedgerBalance(customer: customer)
    }

    /// Lots with what their taking entries left, pending unless a source released them.
    public func openLedgerLots() async throws -> [LedgerOpenLot] {
        try await rows(
            """
            SELECT l.*, l.earned - coalesce(t.taken, 0) AS remaining,
                   l.pending AND r.lot IS NULL AS still_pending
            FROM loyalty_lots l
            LEFT JOIN (
                SELECT customer, lot, sum(points)::bigint AS taken FROM loyalty_entries
                WHERE debit IN ('available', 'pending') AND credit NOT IN ('available', 'pending')
                GROUP BY customer, lot
            ) t ON t.customer = l.customer AND t.lot = l.number
            LEFT JOIN (
                SELECT DISTINCT customer, releases_lot AS lot FROM loyalty_sources WHERE releases_lot IS NOT NULL
            ) r ON r.customer = l.customer AND r.lot = l.number
            WHERE l.earned - coalesce(t.taken, 0) > 0
            ORDER BY l.customer, l.number
            """
        ).map { row in
            let r = PostgresStoredRow(row, table: "loyalty_lots")
            return LedgerOpenLot(
                lot: try Self.lot(row: row), remaining: try r.int64("remaining"), isPending: try r.bool("still_pending")
            )
        }
    }

    // MARK: Reading and writing one customer's records

    private func ledgerRecords(customer: String, on connection: PostgresConnection) async throws
        -> CustomerLedgerRecords
    {
        let sources = try await connection.rows(
            "SELECT * FROM loyalty_sources WHERE customer = \(customer) ORDER BY sequence", logger: logger
        ).map(Self.source(row:))
        let lots = try await connection.rows(
            "SELECT * FROM loyalty_lots WHERE customer = \(customer) ORDER BY number", logger: logger
        ).map(Self.lot(row:))
        let entries = try await connection.rows(
            "\(unescaped: Self.entrySelect) WHERE customer = \(customer) ORDER BY sequence", logger: logger
        ).map(Self.entry(row:))
        return CustomerLedgerRecords(customer: customer, sources: sources, lots: lots, entries: entries)
    }

    public func ledgerLastActivity(kinds: [String]) async throws -> [String: Date] {
        guard !kinds.isEmpty else { return [:] }
        var last: [String: Date] = [:]
        for row in try await rows(
            "SELECT customer, max(at) AS at FROM loyalty_sources WHERE kind = ANY(\(kinds)) GROUP BY customer")
        {
            let r = PostgresStoredRow(row, table: "loyalty_sources")
            last[try r.string("customer")] = try r.date("at")
        }
        return last
    }

    public func ledgerSources(kind: String, key: String) async throws -> [LedgerSourceRecord] {
        try await rows(
            "SELECT * FROM loyalty_sources WHERE kind = \(kind) AND key = \(key) ORDER BY customer COLLATE \"C\""
        ).map(Self.source(row:))
    }

    private func insert(_ records: CustomerLedgerRecords, on connection: PostgresConnection) async throws {
        for source in records.newSources {
            // A concurrent insert of the same key waits for its transaction; once that commits, nothing is inserted.
            let inserted: [PostgresRow]
            do {
                inserted = try await connection.rows(
                    """
                    INSERT INTO loyalty_sources (customer, sequence, kind, key, at, reference, releases_lot, refunded_minor,
                        accounted_points, shortfall_points)
                    VALUES (\(source.customer), \(source.sequence), \(source.kind), \(source.key), \
                    \(PostgresTimestamp(source.at)), \(source.reference), \(source.releasesLot), \(source.refundedMinor), \
                    \(source.accountedPoints), \(source.shortfallPoints))
                    ON CONFLICT (customer, kind, key) DO NOTHING RETURNING sequence
                    """, logger: logger)
            } catch let error as PostgresStoreError where source.kind == "redemption" && error.sqlState == "23505" {
                // The unique index `v8 loyalty codes` (the source's own key is ON CONFLICT above): another
                // customer holds the redemption's code. The transaction is aborted; nothing is stored.
                throw LedgerStoreError.codeTaken(source.key)
            }
            guard !inserted.isEmpty else { throw LedgerStoreError.duplicateSource(kind: source.kind, key: source.key) }
        }
        for lot in records.newLots {
            try await connection.run(
                """
                INSERT INTO loyalty_lots (customer, number, source_kind, source_key, earned_at, expires_at, earned,
                    pending, order_amount_minor, order_currency)
                VALUES (\(lot.customer), \(lot.number), \(lot.sourceKind), \(lot.sourceKey), \
                \(PostgresTimestamp(lot.earnedAt)), \(lot.expiresAt.map(PostgresTimestamp.init)), \(lot.earned), \
                \(lot.pending), \(lot.orderAmount?.minorUnits), \(lot.orderAmount?.currency.code))
                """, logger: logger)
        }
        for entry in records.newEntries {
            try await connection.run(
                """
                INSERT INTO loyalty_entries (customer, sequence, debit, credit, points, source_kind, source_key, reason,
                    at, lot, admin)
                VALUES (\(entry.customer), \(entry.sequence), \(entry.debit.rawValue), \(entry.credit.rawValue), \
                \(entry.points), \(entry.sourceKind), \(entry.sourceKey), \(entry.reason), \
                \(PostgresTimestamp(entry.at)), \(entry.lot), \(entry.admin))
                """, logger: logger)
        }
        let balance = records.balance
        try await connection.run(
            """
            INSERT INTO loyalty_balances (customer, available, pending, entry_count)
            VALUES (\(balance.customer), \(balance.available), \(balance.pending), \(balance.entryCount))
            ON CONFLICT (customer) DO UPDATE SET available = EXCLUDED.available, pending = EXCLUDED.pending,
                entry_count = EXCLUDED.entry_count
            """, logger: logger)
    }

    private static let entrySelect = """
        SELECT customer, sequence, debit, credit, points, source_kind, source_key, reason, at, lot, admin
        FROM loyalty_entries
        """

    private static func entry(row: PostgresRow) throws -> LedgerEntryRecord {
        let r = PostgresStoredRow(row, table: "loyalty_entries")
        return LedgerEntryRecord(
            customer: try r.string("customer"), sequence: try r.int("sequence"),
            debit: try r.value("debit"), credit: try r.value("credit"), points: try r.int64("points"),
            sourceKind: try r.string("source_kind"), sourceKey: try r.string("source_key"),
            reason: try r.string("reason"), at: try r.date("at"), lot: try r.int("lot"),
            admin: try r.optionalString("admin"))
    }

    private static func lot(row: PostgresRow) throws -> LedgerLotRecord {
        let r = PostgresStoredRow(row, table: "loyalty_lots")
        let amount: Money? =
            if let minor = try r.optionalInt64("order_amount_minor") {
                Money(minorUnits: minor, currency: try r.currency("order_currency"))
            } else { nil }
        return LedgerLotRecord(
            customer: try r.string("customer"), number: try r.int("number"),
            sourceKind: try r.string("source_kind"), sourceKey: try r.string("source_key"),
            earnedAt: try r.date("earned_at"), expiresAt: try r.optionalDate("expires_at"),
            earned: try r.int64("earned"), pending: try r.bool("pending"), orderAmount: amount)
    }

    private static func source(row: PostgresRow) throws -> LedgerSourceRecord {
        let r = PostgresStoredRow(row, table: "loyalty_sources")
        return LedgerSourceRecord(
            customer: try r.string("customer"), sequence: try r.int("sequence"), kind: try r.string("kind"),
            key: try r.string("key"), at: try r.date("at"), reference: try r.optionalString("reference"),
            releasesLot: try r.optionalInt("releases_lot"), refundedMinor: try r.optionalInt64("refunded_minor"),
            accountedPoints: try r.optionalInt64("accounted_points"),
            shortfallPoints: try r.int64("shortfall_points"))
    }
}
