/// How acquisition cohorts are split into groups: not at all, or by what the first purchase was.
public enum CohortSplit: String, Codable, Hashable, Sendable, CaseIterable {
    /// One group.
    case none
    /// The first purchase's first SKU.
    case firstProduct = "first_product"
    /// The first purchase's first category.
    case firstCategory = "first_category"
    /// The first purchase's marketing channel.
    case channel
    /// Whether the first purchase carried a discount code ("discount" / "full price").
    case acquisitionDiscount = "acquisition_discount"

    /// The group of a customer whose first purchase is `row`.
    func group(ofFirstRow row: Int, table: OrderTable) -> Int32 {
        switch self {
        case .none: 0
        case .firstProduct: table.firstProduct(ofRow: row)
        case .firstCategory: table.firstCategory(ofRow: row)
        case .channel: table.channel[row]
        case .acquisitionDiscount: table.flags[row].contains(.discounted) ? 1 : 0
        }
    }

    /// The group's name (`nil`: unsplit, or the first purchase names no product, category or channel).
    func label(ofGroup group: Int32, table: OrderTable) -> String? {
        switch self {
        case .none: nil
        case .firstProduct: table.products.value(at: group)
        case .firstCategory: table.categories.value(at: group)
        case .channel: table.channels.value(at: group)
        case .acquisitionDiscount: group == 1 ? "discount" : "full price"
        }
    }
}
