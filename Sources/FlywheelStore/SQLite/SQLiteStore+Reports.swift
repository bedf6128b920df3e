public import FlywheelCore
import GRDB

extension SQLiteStore {
    /// Counts per table and the first and last order, read in one snapshot. `schemaVersion` is the name of
    /// the newest migration applied.
    public func status() async throws -> StoreStatus {
        try await pool.read { db in
            let schemaVersion = try SQLiteMigrations.migrator.appliedMigrations(db).last ?? "none"
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT
                        (SELECT COUNT(*) FROM customers) AS customers,
                        (SELECT COUNT(*) FROM orders) AS orders,
                        (SELECT COUNT(*) FROM products) AS products,
                        (SELECT COUNT(*) FROM shipments) AS shipments,
                        (SELECT COUNT(*) FROM refunds) AS refunds,
                        (SELECT COUNT(*) FROM returns) AS returns,
                        (SELECT COUNT(*) FROM survey_answers) AS survey_answers,
                        (SELECT COUNT(*) FROM reviews) AS reviews,
                        (SELECT MIN(placed_at) FROM orders) AS first_order_at,
                        (SELECT MAX(placed_at) FROM orders) AS last_order_at
                    """)
            guard let row else { throw SQLiteStoreError.unreadableValue(table: "orders", column: "COUNT(*)") }
            let r = StoredRow(row, table: "status")
            return StoreStatus(
                schemaVersion: schemaVersion, customers: try r.int("customers"), orders: try r.int("orders"),
                products: try r.int("products"), shipments: try r.int("shipments"), refunds: try r.int("refunds"),
                returns: try r.int("returns"), surveyAnswers: try r.int("survey_answers"),
                reviews: try r.int("reviews"),
                firstOrderAt: r.optionalDate("first_order_at"), lastOrderAt: r.optionalDate("last_order_at"))
        }
    }

    /// Buyers, repeat buyers, orders and net revenue over orders not cancelled, aggregated by SQLite in one
    /// snapshot (no order is loaded).
    public func retentionSnapshot() async throws -> RetentionSnapshot {
        try await pool.read { db in
            // Guest orders form the NULL group: counted as orders, not as buyers.
            let totals = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(customer_id) AS buyers,
                        COALESCE(SUM(customer_id IS NOT NULL AND n >= 2), 0) AS repeat_buyers,
                        COALESCE(SUM(n), 0) AS orders
                    FROM (SELECT customer_id, COUNT(*) AS n FROM orders WHERE cancelled_at IS NULL GROUP BY customer_id)
                    """)
            guard let totals else { throw SQLiteStoreError.unreadableValue(table: "orders", column: "COUNT(*)") }
            let revenue = try Row.fetchAll(
                db,
                sql: """
                    SELECT currency, SUM(amount) AS revenue FROM (
                        SELECT currency, total_minor AS amount FROM orders WHERE cancelled_at IS NULL
                        UNION ALL
                        SELECT r.currency, -r.amount_minor FROM refunds r JOIN orders o ON o.id = r.order_id
                        WHERE o.cancelled_at IS NULL
                    )
                    GROUP BY currency ORDER BY currency
                    """
            ).map { row in
                let r = StoredRow(row, table: "orders")
                return Money(minorUnits: try r.int64("revenue"), currency: try r.currency("currency"))
            }
            let r = StoredRow(totals, table: "orders")
            return RetentionSnapshot(
                buyers: try r.int("buyers"), repeatBuyers: try r.int("repeat_buyers"), orders: try r.int("orders"),
                revenue: revenue)
        }
    }
}
