import FlywheelCore
import GRDB

extension Checkout {
    /// Selects checkouts; callers append a WHERE/ORDER BY.
    static let sqliteSelect = """
        SELECT external_id, customer_external_id, email, created_at, updated_at, currency, total_minor, lines, \
        recovery_url, completed_at, order_external_id FROM checkouts
        """

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "checkouts")
        let lines: [CheckoutLine]
        do { lines = try CheckoutLinesJSON.lines(try r.string("lines")) } catch { throw r.unreadable("lines") }
        self.init(
            externalID: try r.string("external_id"), customerExternalID: r.optionalString("customer_external_id"),
            email: r.optionalString("email"), createdAt: try r.date("created_at"), updatedAt: try r.date("updated_at"),
            currency: try r.currency("currency"), totalMinor: try r.int64("total_minor"), lines: lines,
            recoveryURL: r.optionalString("recovery_url"), completedAt: r.optionalDate("completed_at"),
            orderExternalID: r.optionalString("order_external_id"))
    }

    /// Binds the columns of `UpsertTable.checkouts`.
    func bindSQLiteColumns(to statement: FastStatement) throws {
        try statement.bind(1, externalID)
        try statement.bind(2, customerExternalID)
        try statement.bind(3, email)
        try statement.bind(4, EpochMilliseconds.from(createdAt))
        try statement.bind(5, EpochMilliseconds.from(updatedAt))
        try statement.bind(6, currency.code)
        try statement.bind(7, totalMinor)
        try statement.bind(8, try CheckoutLinesJSON.text(lines))
        try statement.bind(9, recoveryURL)
        try statement.bind(10, completedAt.map(EpochMilliseconds.from))
        try statement.bind(11, orderExternalID)
    }
}
