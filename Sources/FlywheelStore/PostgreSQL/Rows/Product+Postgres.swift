import FlywheelCore
import PostgresNIO

extension Product {
    /// Selects products; callers append a WHERE with bound values.
    static let postgresSelect = """
        SELECT sku, title, category, vendor, price_minor, price_currency, reorder_cycle_days FROM products
        """

    /// Reads a row of `postgresSelect`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "products")
        var price: Money?
        if let minor = try r.optionalInt64("price_minor") {
            price = Money(minorUnits: minor, currency: try r.currency("price_currency"))
        }
        self.init(
            sku: try r.string("sku"), title: try r.string("title"), category: try r.optionalString("category"),
            vendor: try r.optionalString("vendor"), price: price,
            reorderCycleDays: try r.optionalInt("reorder_cycle_days"))
    }
}
