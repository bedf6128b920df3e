import FlywheelCore
import PostgresNIO

/// Orders of a batch as columns, each bound as one array: one statement inserts (or updates) them all.
struct OrderColumns {
    private var id: [Int64] = []
    private var externalID: [String] = []
    private var customerID = NullableArray<Int64>()
    private var placedAt: [PostgresTimestamp] = []
    private var channel = NullableArray<String>()
    private var source = NullableArray<String>()
    private var currency: [String] = []
    private var subtotalMinor: [Int64] = []
    private var shippingMinor: [Int64] = []
    private var taxMinor: [Int64] = []
    private var taxesIncluded: [Bool] = []
    private var totalMinor: [Int64] = []
    private var financialStatus: [String] = []
    private var cancelledAt = NullableArray<PostgresTimestamp>()
    private var contentHash: [Int64] = []

    var isEmpty: Bool { id.isEmpty }

    /// The ids of the rows, in order.
    var ids: [Int64] { id }

    mutating func append(_ order: Order, id: Int64, customerID: Int64?, hash: Int64) {
        self.id.append(id)
        externalID.append(order.externalID)
        self.customerID.append(customerID)
        placedAt.append(PostgresTimestamp(order.placedAt))
        channel.append(order.channel)
        source.append(order.source)
        currency.append(order.currency.code)
        subtotalMinor.append(order.subtotalMinor)
        shippingMinor.append(order.shippingMinor)
        taxMinor.append(order.taxMinor)
        taxesIncluded.append(order.taxesIncluded)
        totalMinor.append(order.totalMinor)
        financialStatus.append(order.financialStatus.rawValue)
        cancelledAt.append(order.cancelledAt.map(PostgresTimestamp.init))
        contentHash.append(hash)
    }

    private var rows: PostgresQuery {
        """
        unnest(\(id)::bigint[], \(externalID)::text[], \(customerID)::bigint[], \(placedAt)::timestamptz[], \
        \(channel)::text[], \(source)::text[], \(currency)::text[], \(subtotalMinor)::bigint[], \
        \(shippingMinor)::bigint[], \(taxMinor)::bigint[], \(taxesIncluded)::boolean[], \(totalMinor)::bigint[], \
        \(financialStatus)::text[], \(cancelledAt)::timestamptz[], \(contentHash)::bigint[])
        """
    }

    /// Inserts the rows under the ids given.
    var insert: PostgresQuery {
        let rows = self.rows
        return PostgresQuery(
            unsafeSQL: """
                INSERT INTO orders (id, external_id, customer_id, placed_at, channel, source, currency, \
                subtotal_minor, shipping_minor, tax_minor, taxes_included, total_minor, financial_status, \
                cancelled_at, content_hash)
                SELECT * FROM \(rows.sql)
                """, binds: rows.binds)
    }

    /// Rewrites the stored rows of the ids given (their lines and discounts are replaced separately).
    var update: PostgresQuery {
        let rows = self.rows
        return PostgresQuery(
            unsafeSQL: """
                UPDATE orders AS o SET customer_id = u.customer_id, placed_at = u.placed_at, channel = u.channel, \
                source = u.source, currency = u.currency, subtotal_minor = u.subtotal_minor, \
                shipping_minor = u.shipping_minor, tax_minor = u.tax_minor, taxes_included = u.taxes_included, \
                total_minor = u.total_minor, financial_status = u.financial_status, cancelled_at = u.cancelled_at, \
                content_hash = u.content_hash
                FROM \(rows.sql) AS u(id, external_id, customer_id, placed_at, channel, source, currency, \
                subtotal_minor, shipping_minor, tax_minor, taxes_included, total_minor, financial_status, \
                cancelled_at, content_hash)
                WHERE o.id = u.id
                """, binds: rows.binds)
    }
}
