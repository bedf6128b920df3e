import FlywheelCore
import PostgresNIO

extension Order {
    /// Selects orders with their customer's external id, and their lines and discounts as arrays in their
    /// original order: one statement, one snapshot. Callers append a WHERE/ORDER BY on `o`.
    static let postgresSelect = """
        SELECT o.external_id, c.external_id AS customer_external_id, o.placed_at, o.channel, o.source, \
        o.currency, o.subtotal_minor, o.shipping_minor, o.tax_minor, o.taxes_included, o.total_minor, \
        o.financial_status, o.cancelled_at, l.skus, l.titles, l.quantities, l.totals, l.categories, l.vendors, \
        d.codes, d.amounts
        FROM orders o
        LEFT JOIN customers c ON c.id = o.customer_id
        CROSS JOIN LATERAL (
            SELECT array_agg(sku ORDER BY position) AS skus, array_agg(title ORDER BY position) AS titles,
                array_agg(quantity ORDER BY position) AS quantities, array_agg(total_minor ORDER BY position) AS totals,
                array_agg(category ORDER BY position) AS categories, array_agg(vendor ORDER BY position) AS vendors
            FROM order_lines WHERE order_id = o.id) l
        CROSS JOIN LATERAL (
            SELECT array_agg(code ORDER BY position) AS codes, array_agg(amount_minor ORDER BY position) AS amounts
            FROM order_discounts WHERE order_id = o.id) d
        """

    /// Reads a row of `postgresSelect`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "orders")
        let skus = try r.array("skus", of: String.self)
        let titles = try r.array("titles", of: String.self)
        let quantities = try r.array("quantities", of: Int.self)
        let totals = try r.array("totals", of: Int64.self)
        let categories = try r.array("categories", of: String.self)
        let vendors = try r.array("vendors", of: String.self)
        let lineCount = skus.count
        guard
            [titles.count, quantities.count, totals.count, categories.count, vendors.count].allSatisfy({
                $0 == lineCount
            })
        else { throw PostgresStoreError.unreadableValue(table: "order_lines", column: "position") }
        var lines: [LineItem] = []
        lines.reserveCapacity(lineCount)
        for index in 0..<lineCount {
            guard let quantity = quantities[index], let total = totals[index] else {
                throw PostgresStoreError.unreadableValue(table: "order_lines", column: "quantity")
            }
            lines.append(
                LineItem(
                    sku: skus[index], title: titles[index], quantity: quantity, totalMinor: total,
                    category: categories[index], vendor: vendors[index]))
        }
        let codes = try r.array("codes", of: String.self)
        let amounts = try r.array("amounts", of: Int64.self)
        guard codes.count == amounts.count else {
            throw PostgresStoreError.unreadableValue(table: "order_discounts", column: "position")
        }
        let discounts = try zip(codes, amounts).map { code, amount in
            guard let code, let amount else {
                throw PostgresStoreError.unreadableValue(table: "order_discounts", column: "code")
            }
            return DiscountApplication(code: code, amountMinor: amount)
        }
        self.init(
            externalID: try r.string("external_id"), customerExternalID: try r.optionalString("customer_external_id"),
            placedAt: try r.date("placed_at"), channel: try r.optionalString("channel"),
            source: try r.optionalString("source"), currency: try r.currency("currency"), lineItems: lines,
            discounts: discounts, subtotalMinor: try r.int64("subtotal_minor"),
            shippingMinor: try r.int64("shipping_minor"), taxMinor: try r.int64("tax_minor"),
            taxesIncluded: try r.bool("taxes_included"), totalMinor: try r.int64("total_minor"),
            financialStatus: try r.value("financial_status"), cancelledAt: try r.optionalDate("cancelled_at"))
    }
}
