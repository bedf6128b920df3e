import FlywheelCore
import PostgresNIO

/// Returns of a batch as columns: one statement upserts them all by external id.
struct ReturnColumns {
    private var externalID: [String] = []
    private var orderID: [Int64] = []
    private var requestedAt: [PostgresTimestamp] = []
    private var reason = NullableArray<String>()
    private var status: [String] = []
    private var quantity: [Int] = []
    private var sku = NullableArray<String>()
    private var contentHash: [Int64] = []

    var isEmpty: Bool { externalID.isEmpty }

    mutating func append(_ item: ReturnRequest, orderID: Int64, hash: Int64) {
        externalID.append(item.externalID)
        self.orderID.append(orderID)
        requestedAt.append(PostgresTimestamp(item.requestedAt))
        reason.append(item.reason)
        status.append(item.status.rawValue)
        quantity.append(item.quantity)
        sku.append(item.sku)
        contentHash.append(hash)
    }

    var upsert: PostgresQuery {
        """
        INSERT INTO returns (external_id, order_id, requested_at, reason, status, quantity, sku, content_hash)
        SELECT * FROM unnest(\(externalID)::text[], \(orderID)::bigint[], \(requestedAt)::timestamptz[], \
        \(reason)::text[], \(status)::text[], \(quantity)::integer[], \(sku)::text[], \(contentHash)::bigint[])
        ON CONFLICT (external_id) DO UPDATE SET order_id = excluded.order_id, requested_at = excluded.requested_at, \
        reason = excluded.reason, status = excluded.status, quantity = excluded.quantity, sku = excluded.sku, \
        content_hash = excluded.content_hash
        """
    }
}
