import FlywheelCore
import PostgresNIO

extension ReturnRequest {
    /// Selects returns with their order's external id; callers append a WHERE/ORDER BY on `r` and `o`.
    static let postgresSelect = """
        SELECT r.external_id, o.external_id AS order_external_id, r.requested_at, r.reason, r.status, r.quantity, \
        r.sku
        FROM returns r JOIN orders o ON o.id = r.order_id
        """

    /// Reads a row of `postgresSelect`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "returns")
        self.init(
            externalID: try r.string("external_id"), orderExternalID: try r.string("order_external_id"),
            requestedAt: try r.date("requested_at"), reason: try r.optionalString("reason"),
            status: try r.value("status"), quantity: try r.int("quantity"), sku: try r.optionalString("sku"))
    }
}
