import FlywheelCore
import GRDB

extension Order {
    /// Selects orders with their customer's external id.
    static let sqliteSelect = """
        SELECT o.id, o.external_id, c.external_id AS customer_external_id, o.placed_at, o.channel, o.source, \
        o.currency, o.subtotal_minor, o.shipping_minor, o.tax_minor, o.taxes_included, o.total_minor, \
        o.financial_status, o.cancelled_at
        FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
        """

    /// The order of row id `?1`.
    static let sqliteSelectByID = sqliteSelect + "\nWHERE o.id = ?1"
    /// The order of external id `?1`.
    static let sqliteSelectByExternalID = sqliteSelect + "\nWHERE o.external_id = ?1"
    /// The orders of the customer of external id `?1`, oldest first.
    static let sqliteSelectByCustomer =
        sqliteSelect + """

            WHERE o.customer_id = (SELECT id FROM customers WHERE external_id = ?1)
            ORDER BY o.placed_at, o.external_id
            """

    /// Fetches the orders `sql` (one of the `sqliteSelect…` statements) selects, each with its lines and
    /// discounts in their original order.
    static func fetchAllSQLite(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Order] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
        let ids = try rows.map { try StoredRow($0, table: "orders").int64("id") }
        if ids.count <= 4 {
            return try zip(rows, ids).map { row, id in
                let lines = try Row.fetchAll(db.cachedStatement(sql: LineItem.sqliteSelect), arguments: [id])
                    .map(LineItem.init(sqliteRow:))
                let discounts = try Row.fetchAll(db.cachedStatement(sql: DiscountApplication.sqliteSelect), arguments: [id])
                    .map(DiscountApplication.init(sqliteRow:))
                return try Order(sqliteRow: row, lines: lines, discounts: discounts)
            }
        }
        // A page of orders: their lines and discounts in one query each per chunk, not one per order.
        var lines: [Int64: [LineItem]] = [:]
        var discounts: [Int64: [DiscountApplication]] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let list = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT order_id, sku, title, quantity, total_minor, category, vendor FROM order_lines
                    WHERE order_id IN (\(list)) ORDER BY order_id, position
                    """, arguments: StatementArguments(chunk))
            {
                lines[try StoredRow(row, table: "order_lines").int64("order_id"), default: []].append(try LineItem(sqliteRow: row))
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT order_id, code, amount_minor FROM order_discounts WHERE order_id IN (\(list))
                    ORDER BY order_id, position
                    """, arguments: StatementArguments(chunk))
            {
                discounts[try StoredRow(row, table: "order_discounts").int64("order_id"), default: []].append(
                    try DiscountApplication(sqliteRow: row))
            }
        }
        return try zip(rows, ids).map { row, id in
            try Order(sqliteRow: row, lines: lines[id] ?? [], discounts: discounts[id] ?? [])
        }
    }

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row, lines: [LineItem], discounts: [DiscountApplication]) throws {
        let r = StoredRow(row, table: "orders")
        self.init(
            externalID: try r.string("external_id"), customerExternalID: r.optionalString("customer_external_id"),
            placedAt: try r.date("placed_at"), channel: r.optionalString("channel"), source: r.optionalString("source"),
            currency: try r.currency("currency"), lineItems: lines, discounts: discounts,
            subtotalMinor: try r.int64("subtotal_minor"), shippingMinor: try r.int64("shipping_minor"),
            taxMinor: try r.int64("tax_minor"), taxesIncluded: try r.bool("taxes_included"),
            totalMinor: try r.int64("total_minor"), financialStatus: try r.value("financial_status"),
            cancelledAt: r.optionalDate("cancelled_at"))
    }

    /// Binds the columns of `UpsertTable.orders`, from parameter `first` on; `customerID` is the row id of
    /// the order's customer.
    func bindSQLiteColumns(to statement: FastStatement, from first: Int32 = 1, customerID: Int64?) throws {
        try statement.bind(first, externalID)
        try statement.bind(first + 1, customerID)
        try statement.bind(first + 2, EpochMilliseconds.from(placedAt))
        try statement.bind(first + 3, channel)
        try statement.bind(first + 4, source)
        try statement.bind(first + 5, currency.code)
        try statement.bind(first + 6, subtotalMinor)
        try statement.bind(first + 7, shippingMinor)
        try statement.bind(first + 8, taxMinor)
        try statement.bind(first + 9, taxesIncluded)
        try statement.bind(first + 10, totalMinor)
        try statement.bind(first + 11, financialStatus.rawValue)
        try statement.bind(first + 12, cancelledAt.map(EpochMilliseconds.from))
    }
}
