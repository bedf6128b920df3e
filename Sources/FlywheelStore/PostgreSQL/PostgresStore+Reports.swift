public import FlywheelCore
import PostgresNIO

extension PostgresStore {
    /// Counts per table and the first and last order, in one statement (one snapshot). `schemaVersion` is
    /// the name of the newest migration applied.
    ///
    /// PostgreSQL counts rows by reading them: on tens of millions of orders this takes a second or more.
    public func status() async throws -> StoreStatus {
        let row = try await rows(
            """
            SELECT
                (SELECT name FROM flywheel_migrations ORDER BY position DESC LIMIT 1) AS schema_version,
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
            """
        ).first
        guard let row else { throw PostgresStoreError.unreadableValue(table: "orders", column: "COUNT(*)") }
        let r = PostgresStoredRow(row, table: "status")
        return StoreStatus(
            schemaVersion: try r.optionalString("schema_version") ?? "none", customers: try r.int("customers"),
            orders: try r.int("orders"), products: try r.int("products"), shipments: try r.int("shipments"),
            refunds: try r.int("refunds"), returns: try r.int("returns"), surveyAnswers: try r.int("survey_answers"),
            reviews: try r.int("reviews"), firstOrderAt: try r.optionalDate("first_order_at"),
            lastOrderAt: try r.optionalDate("last_order_at"))
    }

    /// Buyers, repeat buyers, orders and net revenue over orders not cancelled, aggregated by PostgreSQL in one
    /// statement (no order is loaded).
    public func retentionSnapshot() async throws -> RetentionSnapshot {
        // Guest orders form the NULL group: counted as orders, not as buyers.
        let rows = try await rows(
            """
            WITH per_customer AS (
                SELECT customer_id, COUNT(*) AS n FROM orders WHERE cancelled_at IS NULL GROUP BY customer_id
            ), revenue AS (
                SELECT currency, SUM(amount)::bigint AS revenue FROM (
                    SELECT currency, total_minor AS amount FROM orders WHERE cancelled_at IS NULL
                    UNION ALL
                    SELECT r.currency, -r.amount_minor FROM refunds r JOIN orders o ON o.id = r.order_id
                    WHERE o.cancelled_at IS NULL
                ) amounts
                GROUP BY currency
            )
            SELECT
                (SELECT COUNT(customer_id) FROM per_customer) AS buyers,
                (SELECT COUNT(*) FROM per_customer WHERE customer_id IS NOT NULL AND n >= 2) AS repeat_buyers,
                (SELECT COALESCE(SUM(n), 0)::bigint FROM per_customer) AS orders,
                (SELECT array_agg(currency ORDER BY currency COLLATE "C") FROM revenue) AS currencies,
                (SELECT array_agg(revenue ORDER BY currency COLLATE "C") FROM revenue) AS revenues
            """)
        guard let row = rows.first else {
            throw PostgresStoreError.unreadableValue(table: "orders", column: "COUNT(*)")
        }
        let r = PostgresStoredRow(row, table: "orders")
        let currencies = try r.array("currencies", of: String.self)
        let revenues = try r.array("revenues", of: Int64.self)
        guard currencies.count == revenues.count else { throw r.unreadable("currency") }
        let revenue = try zip(currencies, revenues).map { code, minor in
            guard let code, let currency = CurrencyCode(code), let minor else { throw r.unreadable("currency") }
            return Money(minorUnits: minor, currency: currency)
        }
        return RetentionSnapshot(
            buyers: try r.int("buyers"), repeatBuyers: try r.int("repeat_buyers"), orders: try r.int("orders"),
            revenue: revenue)
    }
}
