import FlywheelCore
import PostgresNIO

/// Reviews of a batch as columns: one statement upserts them all by external id.
struct ReviewColumns {
    private var externalID: [String] = []
    private var customerID: [Int64] = []
    private var orderID = NullableArray<Int64>()
    private var sku: [String] = []
    private var rating: [Int] = []
    private var title = NullableArray<String>()
    private var body = NullableArray<String>()
    private var locale = NullableArray<String>()
    private var hasPhoto: [Bool] = []
    private var createdAt: [PostgresTimestamp] = []
    private var contentHash: [Int64] = []

    var isEmpty: Bool { externalID.isEmpty }

    mutating func append(_ review: Review, customerID: Int64, orderID: Int64?, hash: Int64) {
        externalID.append(review.externalID)
        self.customerID.append(customerID)
        self.orderID.append(orderID)
        sku.append(review.sku)
        rating.append(review.rating)
        title.append(review.title)
        body.append(review.body)
        locale.append(review.locale?.rawValue)
        hasPhoto.append(review.hasPhoto)
        createdAt.append(PostgresTimestamp(review.createdAt))
        contentHash.append(hash)
    }

    var upsert: PostgresQuery {
        """
        INSERT INTO reviews (external_id, customer_id, order_id, sku, rating, title, body, locale, has_photo, \
        created_at, content_hash)
        SELECT * FROM unnest(\(externalID)::text[], \(customerID)::bigint[], \(orderID)::bigint[], \(sku)::text[], \
        \(rating)::integer[], \(title)::text[], \(body)::text[], \(locale)::text[], \(hasPhoto)::boolean[], \
        \(createdAt)::timestamptz[], \(contentHash)::bigint[])
        ON CONFLICT (external_id) DO UPDATE SET customer_id = excluded.customer_id, order_id = excluded.order_id, \
        sku = excluded.sku, rating = excluded.rating, title = excluded.title, body = excluded.body, \
        locale = excluded.locale, has_photo = excluded.has_photo, created_at = excluded.created_at, \
        content_hash = excluded.content_hash
        """
    }
}
