import FlywheelCore
import GRDB

extension LineItem {
    /// An order's lines in their original order; `?1` is the order's row id.
    static let sqliteSelect = """
        SELECT sku, title, quantity, total_minor, category, vendor FROM order_lines WHERE order_id = ?1 \
        ORDER BY position
        """

    /// The columns of an `order_lines` row, in `bindSQLiteRow` order.
    static let sqliteColumns = [
        "order_id", "position", "sku", "title", "quantity", "total_minor", "category", "vendor",
    ]

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "order_lines")
        self.init(
            sku: r.optionalString("sku"), title: r.optionalString("title"), quantity: try r.int("quantity"),
            totalMinor: try r.int64("total_minor"), category: r.optionalString("category"),
            vendor: r.optionalString("vendor"))
    }

    /// Binds the `sqliteColumns` of the line, from parameter `first` on.
    func bindSQLiteRow(to statement: FastStatement, from first: Int32, orderID: Int64, position: Int) throws {
        try statement.bind(first, orderID)
        try statement.bind(first + 1, position)
        try statement.bind(first + 2, sku)
        try statement.bind(first + 3, title)
        try statement.bind(first + 4, quantity)
        try statement.bind(first + 5, totalMinor)
        try statement.bind(first + 6, category)
        try statement.bind(first + 7, vendor)
    }
}
