import FlywheelCore
import GRDB

extension Shipment {
    /// Selects shipments with their order's external id; callers append a WHERE/ORDER BY with bound values.
    static let sqliteSelect = """
        SELECT s.external_id, o.external_id AS order_external_id, s.supplier, s.carrier, s.tracking_number, \
        s.shipped_at, s.promised_by, s.delivered_at
        FROM shipments s JOIN orders o ON o.id = s.order_id
        """

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "shipments")
        self.init(
            externalID: try r.string("external_id"), orderExternalID: try r.string("order_external_id"),
            supplier: r.optionalString("supplier"), carrier: r.optionalString("carrier"),
            trackingNumber: r.optionalString("tracking_number"), shippedAt: r.optionalDate("shipped_at"),
            promisedBy: r.optionalDate("promised_by"), deliveredAt: r.optionalDate("delivered_at"))
    }

    /// Binds the columns of `UpsertTable.shipments`; `orderID` is the row id of the shipment's order.
    func bindSQLiteColumns(to statement: FastStatement, orderID: Int64) throws {
        try statement.bind(1, externalID)
        try statement.bind(2, orderID)
        try statement.bind(3, supplier)
        try statement.bind(4, carrier)
        try statement.bind(5, trackingNumber)
        try statement.bind(6, shippedAt.map(EpochMilliseconds.from))
        try statement.bind(7, promisedBy.map(EpochMilliseconds.from))
        try statement.bind(8, deliveredAt.map(EpochMilliseconds.from))
    }
}
