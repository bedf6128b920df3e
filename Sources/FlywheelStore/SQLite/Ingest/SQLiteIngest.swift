import FlywheelCore
import GRDB

/// One batch being written, inside the write transaction that `SQLiteStore.ingest` opens: the prepared
/// statements, the customers this batch touched, and the tallies.
///
/// Records go in the order `InMemoryStore` takes them (customers, products, orders, refunds, shipments,
/// returns, spend, survey answers, reviews, checkouts), so both engines refuse a bad batch with the same error.
/// A throw anywhere rolls the whole transaction back; the caller then records none of the batch's counted
/// customers.
struct SQLiteIngest {
    let db: Database
    /// The customers the session counted before this batch; `nil` outside a session.
    let counted: CustomerSet?
    var counts = IngestCounts()
    /// Customers this batch counted in its session, for the caller to record once the batch committed.
    var newlyCounted: [Int64] = []

    var customers: ChunkedUpsert<(customer: Customer, hash: Int64, id: Int64)>
    /// The stored customers the batch names, by external id, as they were before the batch (`prefetch`).
    var storedCustomers: [String: TouchedCustomer] = [:]
    var products: UpsertStatements
    var orders: ChunkedUpsert<(order: Order, customerID: Int64?, hash: Int64, id: Int64)>
    /// Lines and discounts of new or changed orders, inserted a chunk at a time.
    var lines: ChunkedInsert<(orderID: Int64, position: Int, line: LineItem)>
    var discounts: ChunkedInsert<(orderID: Int64, position: Int, discount: DiscountApplication)>
    let lineDelete: FastStatement
    let discountDelete: FastStatement
    var refunds: UpsertStatements
    var shipments: UpsertStatements
    var returns: UpsertStatements
    var surveyAnswers: UpsertStatements
    var reviews: UpsertStatements
    var checkouts: UpsertStatements

    /// Customers this batch touched, by external id: bounded by the batch, gone with it.
    var touched: [String: TouchedCustomer] = [:]

    /// What the batch knows of a customer it touched, enough to merge a bare customer without reading the row.
    struct TouchedCustomer {
        var id: Int64
        var hash: Int64
        var createdAt: Int64?
    }

    /// What a batch did: its counts, and the customers it counted in its session.
    struct Result: Sendable {
        var counts: IngestCounts
        var newlyCounted: [Int64]
    }

    /// Stores `batch`, and `checkpoint` with the batch's counts added, on `db`, which must be inside a write
    /// transaction. `counted` is what the session counted before, `nil` outside a session.
    static func run(_ batch: IngestBatch, counted: consuming CustomerSet?, checkpoint: ImportRun?, in db: Database)
        throws -> Result
    {
        var ingest = try SQLiteIngest(db, counted: counted)
        try ingest.prefetch(batch)
        for customer in batch.customers { _ = try ingest.upsertCustomer(customer) }
        for product in batch.products { try ingest.upsertProduct(product) }
        for order in batch.orders { try ingest.upsertOrder(order) }
        try ingest.flushChunks()
        for refund in batch.refunds { try ingest.upsertRefund(refund) }
        for shipment in batch.shipments { try ingest.upsertShipment(shipment) }
        for item in batch.returns { try ingest.upsertReturn(item) }
        for item in batch.marketingSpend { try ingest.upsertMarketingSpend(item) }
        for answer in batch.surveyAnswers { try ingest.upsertSurveyAnswer(answer) }
        for review in batch.reviews { try ingest.upsertReview(review) }
        for checkout in batch.checkouts { try ingest.upsertCheckout(checkout) }
        if var checkpoint {
            // The caller gives the counts as they were before this batch.
            checkpoint.counts = checkpoint.counts + ingest.counts
            try db.cachedStatement(sql: ImportRun.sqliteUpsert).execute(arguments: checkpoint.sqliteArguments())
        }
        return Result(counts: ingest.counts, newlyCounted: ingest.newlyCounted)
    }

    private init(_ db: Database, counted: consuming CustomerSet?) throws {
        self.db = db
        self.counted = counted
        let customerColumns = Int32(UpsertTable.customers.columns.count)
        customers = try ChunkedUpsert(db, .customers) { row, statement, first in
            try row.customer.bindSQLiteColumns(to: statement, from: first)
            try statement.bind(first + customerColumns, row.hash)
            try statement.bind(first + customerColumns + 1, row.id)
        }
        products = try UpsertStatements(db, .products)
        let orderColumns = Int32(UpsertTable.orders.columns.count)
        orders = try ChunkedUpsert(db, .orders) { row, statement, first in
            try row.order.bindSQLiteColumns(to: statement, from: first, customerID: row.customerID)
            try statement.bind(first + orderColumns, row.hash)
            try statement.bind(first + orderColumns + 1, row.id)
        }
        lines = ChunkedInsert(db, table: "order_lines", columns: LineItem.sqliteColumns) { row, statement, first in
            try row.line.bindSQLiteRow(to: statement, from: first, orderID: row.orderID, position: row.position)
        }
        discounts = ChunkedInsert(db, table: "order_discounts", columns: DiscountApplication.sqliteColumns) {
            row, statement, first in
            try row.discount.bindSQLiteRow(to: statement, from: first, orderID: row.orderID, position: row.position)
        }
        lineDelete = try FastStatement(db, sql: "DELETE FROM order_lines WHERE order_id = ?1")
        discountDelete = try FastStatement(db, sql: "DELETE FROM order_discounts WHERE order_id = ?1")
        refunds = try UpsertStatements(db, .refunds)
        shipments = try UpsertStatements(db, .shipments)
        returns = try UpsertStatements(db, .returns)
        surveyAnswers = try UpsertStatements(db, .surveyAnswers)
        reviews = try UpsertStatements(db, .reviews)
        checkouts = try UpsertStatements(db, .checkouts)
    }

    /// Looks up, one statement per table, every stored record the batch names: its customers (given, or
    /// named by its orders and feedback), its orders (given, or named by the records that refer to orders),
    /// and the records it upserts. Afterwards every lookup of the batch is answered from memory.
    mutating func prefetch(_ batch: IngestBatch) throws {
        var customerKeys = Set<String>(minimumCapacity: batch.customers.count + batch.orders.count)
        customerKeys.formUnion(batch.customers.lazy.map(\.externalID))
        customerKeys.formUnion(batch.orders.lazy.compactMap(\.customerExternalID))
        customerKeys.formUnion(batch.surveyAnswers.lazy.map(\.customerExternalID))
        customerKeys.formUnion(batch.reviews.lazy.map(\.customerExternalID))
        try prefetchCustomers(customerKeys)
        touched.reserveCapacity(customerKeys.count)

        var orderKeys = batch.orders.map(\.externalID)
        orderKeys += batch.refunds.lazy.map(\.orderExternalID)
        orderKeys += batch.shipments.lazy.map(\.orderExternalID)
        orderKeys += batch.returns.lazy.map(\.orderExternalID)
        orderKeys += batch.surveyAnswers.lazy.compactMap(\.orderExternalID)
        orderKeys += batch.reviews.lazy.compactMap(\.orderExternalID)
        try orders.prefetch(orderKeys)

        try products.prefetch(batch.products.map(\.sku))
        try refunds.prefetch(batch.refunds.map(\.externalID))
        try shipments.prefetch(batch.shipments.map(\.externalID))
        try returns.prefetch(batch.returns.map(\.externalID))
        try surveyAnswers.prefetch(batch.surveyAnswers.map(\.externalID))
        try reviews.prefetch(batch.reviews.map(\.externalID))
        try checkouts.prefetch(batch.checkouts.map(\.externalID))
    }

    /// The row id of a stored order (of this batch or before); the batch's order keys were prefetched.
    func orderID(externalID: String) -> Int64? { orders.find(externalID)?.id }

    /// Inserts every pending chunk, parents first: customers, orders, then their lines and discounts.
    mutating func flushChunks() throws {
        try customers.flush()
        try orders.flush()
        try lines.flush()
        try discounts.flush()
    }

    /// Flushes once any chunk is full.
    mutating func flushFullChunks() throws {
        if customers.isFull || orders.isFull || lines.isFull || discounts.isFull { try flushChunks() }
    }
}
