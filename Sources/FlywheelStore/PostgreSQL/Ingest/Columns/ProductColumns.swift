import FlywheelCore
import PostgresNIO

/// Products of a batch as columns: one statement upserts them all by SKU.
struct ProductColumns {
    private var sku: [String] = []
    private var title: [String] = []
    private var category = NullableArray<String>()
    private var vendor = NullableArray<String>()
    private var priceMinor = NullableArray<Int64>()
    private var priceCurrency = NullableArray<String>()
    private var reorderCycleDays = NullableArray<Int>()
    private var contentHash: [Int64] = []

    var isEmpty: Bool { sku.isEmpty }

    mutating func append(_ product: Product, hash: Int64) {
        sku.append(product.sku)
        title.append(product.title)
        category.append(product.category)
        vendor.append(product.vendor)
        priceMinor.append(product.price?.minorUnits)
        priceCurrency.append(product.price?.currency.code)
        reorderCycleDays.append(product.reorderCycleDays)
        contentHash.append(hash)
    }

    var upsert: PostgresQuery {
        """
        INSERT INTO products (sku, title, category, vendor, price_minor, price_currency, reorder_cycle_days, \
        content_hash)
        SELECT * FROM unnest(\(sku)::text[], \(title)::text[], \(category)::text[], \(vendor)::text[], \
        \(priceMinor)::bigint[], \(priceCurrency)::text[], \(reorderCycleDays)::integer[], \(contentHash)::bigint[])
        ON CONFLICT (sku) DO UPDATE SET title = excluded.title, category = excluded.category, \
        vendor = excluded.vendor, price_minor = excluded.price_minor, price_currency = excluded.price_currency, \
        reorder_cycle_days = excluded.reorder_cycle_days, content_hash = excluded.content_hash
        """
    }
}
