import FlywheelCore
import PostgresNIO

extension Refund {
    /// Selects refunds with their order's external id (and row id and hash, for the ingest); callers append
    /// a WHERE/ORDER BY on `r` and `o`.
    static let postgresSelect = """
        SELECT r.id, r.content_hash, r.external_id, o.external_id AS order_external_id, r.created_at, \
        r.amount_minor, r.currency, r.reason
        FROM refunds r JOIN orders o ON o.id = r.order_id
        """

    /// Reads a row of `postgresSelect`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "refunds")
        self.init(
            externalID: try r.string("external_id"), orderExternalID: try r.string("order_external_id"),
            createdAt: try r.date("created_at"), amountMinor: try r.int64("amount_minor"),
            currency: try r.currency("currency"), reason: try r.optionalString("reason"))
    }
}
