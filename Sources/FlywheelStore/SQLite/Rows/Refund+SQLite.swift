import FlywheelCore
import GRDB

extension Refund {
    /// Selects refunds with their order's external id; callers append a WHERE/ORDER BY with bound values.
    static let sqliteSelect = """
        SELECT r.external_id, o.external_id AS order_external_id, r.created_at, r.amount_minor, r.currency, r.reason
        FROM refunds r JOIN orders o ON o.id = r.order_id
        """

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "refunds")
        self.init(
            externalID: try r.string("external_id"), orderExternalID: try r.string("order_external_id"),
            createdAt: try r.date("created_at"), amountMinor: try r.int64("amount_minor"),
            currency: try r.currency("currency"), reason: r.optionalString("reason"))
    }

    /// Binds the columns of `UpsertTable.refunds`; `orderID` is the row id of the refund's order.
    func bindSQLiteColumns(to statement: FastStatement, orderID: Int64) throws {
        try statement.bind(1, externalID)
        try statement.bind(2, orderID)
        try statement.bind(3, EpochMilliseconds.from(createdAt))
        try statement.bind(4, amountMinor)
        try statement.bind(5, currency.code)
        try statement.bind(6, reason)
    }
}
