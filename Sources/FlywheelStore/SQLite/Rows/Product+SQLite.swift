import FlywheelCore
import GRDB

extension Product {
    /// Selects products; callers append a WHERE with bound values.
    static let sqliteSelect = """
        SELECT sku, title, category, vendor, price_minor, price_currency, reorder_cycle_days FROM products
        """

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "products")
        var price: Money?
        if let minor = r.optionalInt64("price_minor") {
            price = Money(minorUnits: minor, currency: try r.currency("price_currency"))
        }
        self.init(
            sku: try r.string("sku"), title: try r.string("title"), category: r.optionalString("category"),
            vendor: r.optionalString("vendor"), price: price, reorderCycleDays: try r.optionalInt("reorder_cycle_days"))
    }

    /// Binds the columns of `UpsertTable.products`.
    func bindSQLiteColumns(to statement: FastStatement) throws {
        try statement.bind(1, sku)
        try statement.bind(2, title)
        try statement.bind(3, category)
        try statement.bind(4, vendor)
        try statement.bind(5, price?.minorUnits)
        try statement.bind(6, price?.currency.code)
        try statement.bind(7, reorderCycleDays)
    }
}
