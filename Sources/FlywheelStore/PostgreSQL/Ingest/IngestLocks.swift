import FlywheelCore
import PostgresNIO

/// The advisory locks that keep concurrent batches from interleaving on the same records.
///
/// Each record a batch writes (a customer, an order, a refund's order, a product, …) maps its key to one of
/// `buckets` buckets; the batch takes the transaction-level advisory locks of its buckets, in ascending order,
/// before it reads anything. Two batches sharing a record wait for each other instead of both deciding from
/// the same stored state; batches on different records mostly run side by side. Taken in one order, by one
/// statement, at the start of each transaction, the locks cannot deadlock; they are released at commit or
/// rollback. The batch then reads in READ COMMITTED, each statement seeing every batch committed before.
///
/// Large batches touch nearly every bucket and so run one at a time, which is also the fastest way to write
/// them. A batch holds at most `buckets` locks: PostgreSQL's shared lock table has room for
/// `max_locks_per_transaction` (64) × `max_connections` (100) locks by default, shared by all sessions.
enum IngestLocks {
    /// The buckets keys map to.
    static let buckets: Int32 = 256
    /// The first key of the two-key advisory locks (`pg_advisory_xact_lock(int, int)`), "FLWI" in ASCII.
    static let space: Int32 = 0x464C_5749

    /// The sorted buckets of every record `batch` writes or whose state its checks read.
    static func buckets(for batch: IngestBatch, checkpoint: ImportRun?) -> [Int32] {
        var buckets = Set<Int32>()
        func add(_ kind: String, _ key: String) {
            var hasher = StableHasher()
            hasher.combine(kind)
            hasher.combine(key)
            buckets.insert(Int32(UInt64(bitPattern: hasher.value) % UInt64(Self.buckets)))
        }
        for customer in batch.customers { add("customer", customer.externalID) }
        for product in batch.products { add("product", product.sku) }
        for order in batch.orders {
            add("order", order.externalID)
            if let customer = order.customerExternalID { add("customer", customer) }
        }
        for refund in batch.refunds {
            add("refund", refund.externalID)
            add("order", refund.orderExternalID)  // the order's other refunds are summed
        }
        for shipment in batch.shipments { add("shipment", shipment.externalID) }
        for item in batch.returns { add("return", item.externalID) }
        for spend in batch.marketingSpend { add("spend", "\(spend.channel)\u{0}\(spend.month)") }
        for answer in batch.surveyAnswers { add("survey answer", answer.externalID) }
        for review in batch.reviews { add("review", review.externalID) }
        for checkout in batch.checkouts { add("checkout", checkout.externalID) }
        if let checkpoint { add("import", checkpoint.fingerprint) }
        return buckets.sorted()
    }

    /// Takes the locks of `buckets` (sorted), waiting for batches that hold any of them.
    static func lock(_ buckets: [Int32], on connection: PostgresConnection, logger: Logger) async throws {
        guard !buckets.isEmpty else { return }
        // unnest returns the array's elements in order, and the locks are taken row by row as they come.
        try await connection.run(
            "SELECT pg_advisory_xact_lock(\(space), bucket) FROM unnest(\(buckets)::integer[]) AS bucket",
            logger: logger)
    }
}
