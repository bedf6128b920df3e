public import FlywheelCore
import GRDB

extension SQLiteStore {
    public func checkout(externalID: String) async throws -> Checkout? {
        try await pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: Checkout.sqliteSelect + "\nWHERE external_id = ?"), arguments: [externalID])
                .map(Checkout.init(sqliteRow:))
        }
    }

    public func checkouts(customerExternalID: String) async throws -> [Checkout] {
        try await pool.read { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: Checkout.sqliteSelect + "\nWHERE customer_external_id = ? ORDER BY created_at, external_id"),
                arguments: [customerExternalID]
            ).map(Checkout.init(sqliteRow:))
        }
    }

    public func openCheckouts(_ query: OpenCheckoutQuery) async throws -> Page<Checkout> {
        let rows = try await pool.read { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: Checkout.sqliteSelect + """

                        WHERE completed_at IS NULL AND order_external_id IS NULL AND updated_at >= ?1 \
                        AND updated_at < ?2 AND (?3 IS NULL OR external_id > ?3)
                        ORDER BY external_id LIMIT ?4
                        """),
                arguments: [
                    EpochMilliseconds.from(query.updatedFrom), EpochMilliseconds.from(query.updatedBefore), query.after,
                    query.limit + 1,
                ]
            ).map(Checkout.init(sqliteRow:))
        }
        return Page.cut(rows, limit: query.limit, key: \.externalID)
    }
}
