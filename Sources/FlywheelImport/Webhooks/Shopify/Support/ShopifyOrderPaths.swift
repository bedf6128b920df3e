/// Where an order's domain fields came from in the payload, to report broken rules at their JSON path
/// (`subtotal` → `subtotal_price`, `discounts[0].code` → `discount_applications[1].code`).
struct ShopifyOrderPaths {
    /// `processed_at`, or `created_at` when the order has no processing time.
    var placedAt: String
    var shipping: String
    /// The field the customer's key came from (`customer.email`, `email`, `customer.id`).
    var customer: String
    /// Per line: `name` or `title`.
    var lineTitles: [String]
    /// Per discount: `discount_applications[n]` or `discount_codes[n]`.
    var discounts: [String]

    func path(for field: String) -> String {
        switch field {
        case "order_id": return "id"
        case "customer_id": return customer
        case "placed_at": return placedAt
        case "channel", "source": return "source_name"
        case "subtotal": return "subtotal_price"
        case "shipping": return shipping
        case "tax": return "total_tax"
        case "total": return "total_price"
        default: break
        }
        if let index = ShopifyRecordCheck.index(in: field, after: "line_items"), lineTitles.indices.contains(index),
            ShopifyRecordCheck.suffix(of: field) == ".title"
        {
            return "line_items[\(index)].\(lineTitles[index])"
        }
        if let index = ShopifyRecordCheck.index(in: field, after: "discounts"), discounts.indices.contains(index) {
            let suffix = ShopifyRecordCheck.suffix(of: field)
            return discounts[index] + (suffix == ".code" ? ".code" : "")
        }
        return field
    }
}
