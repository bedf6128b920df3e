import FlywheelCore

/// One product of the simulated shop with what the generator needs beyond the domain's `Product`.
struct CatalogueItem: Sendable {
    var sku: String
    var title: String
    var category: ProductCategory
    var supplier: Int
    var priceCents: Int64
    /// Days until a customer needs it again, for consumables.
    var reorderCycleDays: Int?
    /// The product that completes the set ("complete the set" offer), if any.
    var complementSKU: String?
    /// Relative popularity within its category.
    var popularity: Double

    /// The domain record.
    var product: Product {
        Product(
            sku: sku, title: title, category: category.title, vendor: Supplier.all[supplier].name,
            price: Money(minorUnits: priceCents, currency: .eur), reorderCycleDays: reorderCycleDays)
    }
}
