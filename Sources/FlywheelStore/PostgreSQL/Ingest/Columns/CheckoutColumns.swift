import FlywheelCore
import PostgresNIO

/// Checkouts of a batch as columns: one statement upserts them all by external id.
struct CheckoutColumns {
    private var externalID: [String] = []
    private var customerExternalID = NullableArray<String>()
    private var email = NullableArray<String>()
    private var createdAt: [PostgresTimestamp] = []
    private var updatedAt: [PostgresTimestamp] = []
    private var currency: [String] = []
    private var totalMinor: [Int64] = []
    private var lines: [String] = []
    private var recoveryURL = NullableArray<String>()
    private var completedAt = NullableArray<PostgresTimestamp>()
    private var orderExternalID = NullableArray<String>()
    private var contentHash: [Int64] = []

    var isEmpty: Bool { externalID.isEmpty }

    mutating func append(_ checkout: Checkout, hash: Int64) throws {
        externalID.append(checkout.externalID)
        customerExternalID.append(checkout.customerExternalID)
        email.append(checkout.email)
        createdAt.append(PostgresTimestamp(checkout.createdAt))
        updatedAt.append(PostgresTimestamp(checkout.updatedAt))
        currency.append(checkout.currency.code)
        totalMinor.append(checkout.totalMinor)
        lines.append(try CheckoutLinesJSON.text(checkout.lines))
        recoveryURL.append(checkout.recoveryURL)
        completedAt.append(checkout.completedAt.map(PostgresTimestamp.init))
        orderExternalID.append(checkout.orderExternalID)
        contentHash.append(hash)
    }

    var upsert: PostgresQuery {
        """
        INSERT INTO checkouts (external_id, customer_external_id, email, created_at, updated_at, currency, \
        total_minor, lines, recovery_url, completed_at, order_external_id, content_hash)
        SELECT * FROM unnest(\(externalID)::text[], \(customerExternalID)::text[], \(email)::text[], \
        \(createdAt)::timestamptz[], \(updatedAt)::timestamptz[], \(currency)::text[], \(totalMinor)::bigint[], \
        \(lines)::text[], \(recoveryURL)::text[], \(completedAt)::timestamptz[], \(orderExternalID)::text[], \
        \(contentHash)::bigint[])
        ON CONFLICT (external_id) DO UPDATE SET customer_external_id = excluded.customer_external_id, \
        email = excluded.email, created_at = excluded.created_at, updated_at = excluded.updated_at, \
        currency = excluded.currency, total_minor = excluded.total_minor, lines = excluded.lines, \
        recovery_url = excluded.recovery_url, completed_at = excluded.completed_at, \
        order_external_id = excluded.order_external_id, content_hash = excluded.content_hash
        """
    }
}
