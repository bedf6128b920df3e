import FlywheelCore
import Logging
import PostgresNIO

/// One batch being written, inside the transaction `PostgresStore.ingest` opens.
///
/// The batch is worked out in memory first, record by record in the order `InMemoryStore` takes them
/// (customers, products, orders, refunds, shipments, returns, spend, survey answers, reviews, checkouts),
/// against the stored state of the records it names, which a few statements read up front (`= ANY($1)` on
/// each table's keys). A refused record throws before anything is written. Then each table's new and changed rows go in
/// with one or two multi-row statements (`INSERT … SELECT … FROM unnest($1, $2, …)`), and the checkpoint with
/// them. Statements are the same for one record or five thousand.
struct PostgresIngest {
    let connection: PostgresConnection
    let logger: Logger
    /// The customers the session counted before this batch; `nil` outside a session.
    let counted: CustomerSet?
    var counts = IngestCounts()
    /// Customers this batch counted in its session (references, see `CustomerState.ref`).
    var newlyCounted: [Int64] = []

    /// Every customer the batch names that is stored, and every one it touched.
    var customers: [String: CustomerState] = [:]
    /// Customers touched so far, to tell a customer's first touch in the batch.
    var touchedCustomers: Set<String> = []
    /// Stored customers in the order the batch first touched them.
    var touchedStoredCustomers: [String] = []
    /// External ids of the customers the batch creates; the position is the reference's index.
    var newCustomers: [String] = []

    /// Every order the batch names that is stored, and every order of the batch.
    var orders: [String: OrderState] = [:]
    /// The batch's orders, first seen first.
    var batchOrders: [String] = []
    /// External ids of the orders the batch creates; the position is the reference's index.
    var newOrders: [String] = []
    /// Stored orders the batch's refunds name but the batch does not hold: their amounts and currencies.
    var storedOrdersForRefunds: [String: Order] = [:]

    var products = KeyedUpserts<Product, Int64>()
    var refunds = KeyedUpserts<Refund, Int64>()
    /// The refunds of each order the batch's refunds name (stored, then as the batch leaves them).
    var refundsByOrder: [String: [String: Refund]] = [:]
    /// The order of each refund in `refundsByOrder`.
    var refundOrders: [String: String] = [:]
    var shipments = KeyedUpserts<Shipment, Int64>()
    var returns = KeyedUpserts<ReturnRequest, Int64>()
    var marketingSpend = KeyedUpserts<MarketingSpend, Money>()
    var surveyAnswers = KeyedUpserts<SurveyAnswer, Int64>()
    var reviews = KeyedUpserts<Review, Int64>()
    var checkouts = KeyedUpserts<Checkout, Int64>()

    /// What the batch knows of a customer. `ref` is the row id of a stored customer, or `-(n + 1)` for the
    /// `n`th customer the batch creates (ids are drawn when the batch is written).
    struct CustomerState {
        var ref: Int64
        /// The content hash as stored; `nil` for a customer the batch creates.
        var storedHash: Int64?
        var hash: Int64
        /// Creation time, milliseconds.
        var createdAt: Int64?
        /// The whole record, when the batch read or made it.
        var record: Customer?
    }

    /// What the batch knows of an order; `ref` as for customers.
    struct OrderState {
        var ref: Int64
        var storedHash: Int64?
        var hash: Int64
        /// The batch's latest version; `nil` for a stored order the batch does not hold.
        var order: Order?
        /// The batch's order's customer (a reference).
        var customerRef: Int64?
    }

    /// What a committed batch did: its counts, and the customers (row ids) it counted in its session.
    struct Result: Sendable {
        var counts: IngestCounts
        var newlyCounted: [Int64]
    }

    /// Stores `batch` and `checkpoint` (with the batch's counts added) on `connection`, inside a transaction.
    static func run(
        _ batch: IngestBatch, counted: CustomerSet?, checkpoint: ImportRun?, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Result {
        try await IngestLocks.lock(
            IngestLocks.buckets(for: batch, checkpoint: checkpoint), on: connection, logger: logger)
        var ingest = PostgresIngest(connection: connection, logger: logger, counted: counted)
        try await ingest.prefetch(batch)
        for customer in batch.customers { ingest.touchCustomer(customer) }
        for product in batch.products {
            ingest.counts.products.tally(
                ingest.products.upsert(product, key: product.sku, version: product.contentHash))
        }
        for order in batch.orders { ingest.upsertOrder(order) }
        try await ingest.prefetchOrdersForRefunds(batch.refunds)
        for refund in batch.refunds { try ingest.upsertRefund(refund) }
        for shipment in batch.shipments { try ingest.upsertShipment(shipment) }
        for item in batch.returns { try ingest.upsertReturn(item) }
        for spend in batch.marketingSpend {
            let key = "\(spend.channel)\u{0}\(spend.month)"
            ingest.counts.marketingSpend.tally(ingest.marketingSpend.upsert(spend, key: key, version: spend.amount))
        }
        for answer in batch.surveyAnswers { try ingest.upsertSurveyAnswer(answer) }
        for review in batch.reviews { try ingest.upsertReview(review) }
        for checkout in batch.checkouts {
            ingest.counts.checkouts.tally(
                ingest.checkouts.upsert(checkout, key: checkout.externalID, version: checkout.contentHash))
        }

        let ids = try await ingest.write()
        if var checkpoint {
            // The caller gives the counts as they were before this batch.
            checkpoint.counts = checkpoint.counts + ingest.counts
            try await connection.run(try checkpoint.postgresUpsert(), logger: logger)
        }
        return Result(counts: ingest.counts, newlyCounted: ingest.newlyCounted.map(ids.customer))
    }

    /// Runs a query of the batch and returns its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.rows(query, logger: logger)
    }
}
