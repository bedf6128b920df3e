import FlywheelCore
import PostgresNIO

extension Shipment {
    /// Selects shipments with their order's external id; callers append a WHERE/ORDER BY on `s` and `o`.
    static let postgresSelect = """
        SELECT s.external_id, o.external_id AS order_external_id, s.supplier, s.carrier, s.tracking_number, \
        s.shipped_at, s.promised_by, s.delivered_at
        FROM shipments s JOIN orders o ON o.id = s.order_id
        """

    /// Reads a row of `postgresSelect`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "shipments")
        self.init(
            externalID: try r.string("external_id"), orderExternalID: try r.string("order_external_id"),
            supplier: try r.optionalString("supplier"), carrier: try r.optionalString("carrier"),
            trackingNumber: try r.optionalString("tracking_number"), shippedAt: try r.optionalDate("shipped_at"),
            promisedBy: try r.optionalDate("promised_by"), deliveredAt: try r.optionalDate("delivered_at"))
    }
}
