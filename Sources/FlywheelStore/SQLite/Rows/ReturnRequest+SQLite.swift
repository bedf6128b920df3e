import FlywheelCore
import GRDB

extension ReturnRequest {
    /// Selects returns with their order's external id; callers append a WHERE/ORDER BY with bound values.
    static let sqliteSelect = """
        SELECT r.external_id, o.external_id AS order_external_id, r.requested_at, r.reason, r.status, r.quantity, \
        r.sku
        FROM returns r JOIN orders o ON o.id = r.order_id
        """

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "returns")
        self.init(
            externalID: try r.string("external_id"), orderExternalID: try r.string("order_external_id"),
            requestedAt: try r.date("requested_at"), reason: r.optionalString("reason"), status: try r.value("status"),
            quantity: try r.int("quantity"), sku: r.optionalString("sku"))
    }

    /// Binds the columns of `UpsertTable.returns`; `orderID` is the row id of the return's order.
    func bindSQLiteColumns(to statement: FastStatement, orderID: Int64) throws {
        try statement.bind(1, externalID)
        try statement.bind(2, orderID)
        try statement.bind(3, EpochMilliseconds.from(requestedAt))
        try statement.bind(4, reason)
        try statement.bind(5, status.rawValue)
        try statement.bind(6, quantity)
        try statement.bind(7, sku)
    }
}
