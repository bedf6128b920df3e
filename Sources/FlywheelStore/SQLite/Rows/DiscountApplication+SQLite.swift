import FlywheelCore
import GRDB

extension DiscountApplication {
    /// An order's discounts in their original order; `?1` is the order's row id.
    static let sqliteSelect = "SELECT code, amount_minor FROM order_discounts WHERE order_id = ?1 ORDER BY position"

    /// The columns of an `order_discounts` row, in `bindSQLiteRow` order.
    static let sqliteColumns = ["order_id", "position", "code", "amount_minor"]

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "order_discounts")
        self.init(code: try r.string("code"), amountMinor: try r.int64("amount_minor"))
    }

    /// Binds the `sqliteColumns` of the discount, from parameter `first` on.
    func bindSQLiteRow(to statement: FastStatement, from first: Int32, orderID: Int64, position: Int) throws {
        try statement.bind(first, orderID)
        try statement.bind(first + 1, position)
        try statement.bind(first + 2, code)
        try statement.bind(first + 3, amountMinor)
    }
}
