import FlywheelCore
import PostgresNIO

/// Refunds of a batch as columns: one statement upserts them all by external id.
struct RefundColumns {
    private var externalID: [String] = []
    private var orderID: [Int64] = []
    private var createdAt: [PostgresTimestamp] = []
    private var amountMinor: [Int64] = []
    private var currency: [String] = []
    private var reason = NullableArray<String>()
    private var contentHash: [Int64] = []

    var isEmpty: Bool { externalID.isEmpty }

    mutating func append(_ refund: Refund, orderID: Int64, hash: Int64) {
        externalID.append(refund.externalID)
        self.orderID.append(orderID)
        createdAt.append(PostgresTimestamp(refund.createdAt))
        amountMinor.append(refund.amountMinor)
        currency.append(refund.currency.code)
        reason.append(refund.reason)
        contentHash.append(hash)
    }

    var upsert: PostgresQuery {
        """
        INSERT INTO refunds (external_id, order_id, created_at, amount_minor, currency, reason, content_hash)
        SELECT * FROM unnest(\(externalID)::text[], \(orderID)::bigint[], \(createdAt)::timestamptz[], \
        \(amountMinor)::bigint[], \(currency)::text[], \(reason)::text[], \(contentHash)::bigint[])
        ON CONFLICT (external_id) DO UPDATE SET order_id = excluded.order_id, created_at = excluded.created_at, \
        amount_minor = excluded.amount_minor, currency = excluded.currency, reason = excluded.reason, \
        content_hash = excluded.content_hash
        """
    }
}
