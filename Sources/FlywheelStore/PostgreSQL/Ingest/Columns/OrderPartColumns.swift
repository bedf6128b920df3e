import FlywheelCore
import PostgresNIO

/// The lines and discounts of a batch's new and changed orders as columns: one statement inserts all
/// lines, one all discounts.
struct OrderPartColumns {
    private var lineOrderID: [Int64] = []
    private var linePosition: [Int] = []
    private var sku = NullableArray<String>()
    private var title = NullableArray<String>()
    private var quantity: [Int] = []
    private var lineTotalMinor: [Int64] = []
    private var category = NullableArray<String>()
    private var vendor = NullableArray<String>()
    private var discountOrderID: [Int64] = []
    private var discountPosition: [Int] = []
    private var code: [String] = []
    private var discountAmountMinor: [Int64] = []

    mutating func append(partsOf order: Order, orderID: Int64) {
        for (position, line) in order.lineItems.enumerated() {
            lineOrderID.append(orderID)
            linePosition.append(position)
            sku.append(line.sku)
            title.append(line.title)
            quantity.append(line.quantity)
            lineTotalMinor.append(line.totalMinor)
            category.append(line.category)
            vendor.append(line.vendor)
        }
        for (position, discount) in order.discounts.enumerated() {
            discountOrderID.append(orderID)
            discountPosition.append(position)
            code.append(discount.code)
            discountAmountMinor.append(discount.amountMinor)
        }
    }

    /// Inserts the lines, or `nil` when there are none.
    var insertLines: PostgresQuery? {
        guard !lineOrderID.isEmpty else { return nil }
        return """
            INSERT INTO order_lines (order_id, position, sku, title, quantity, total_minor, category, vendor)
            SELECT * FROM unnest(\(lineOrderID)::bigint[], \(linePosition)::integer[], \(sku)::text[], \
            \(title)::text[], \(quantity)::integer[], \(lineTotalMinor)::bigint[], \(category)::text[], \
            \(vendor)::text[])
            """
    }

    /// Inserts the discounts, or `nil` when there are none.
    var insertDiscounts: PostgresQuery? {
        guard !discountOrderID.isEmpty else { return nil }
        return """
            INSERT INTO order_discounts (order_id, position, code, amount_minor)
            SELECT * FROM unnest(\(discountOrderID)::bigint[], \(discountPosition)::integer[], \(code)::text[], \
            \(discountAmountMinor)::bigint[])
            """
    }
}
