import FlywheelCore
import PostgresNIO

extension PostgresIngest {
    /// Reads, one statement per table, the stored state of every record the batch names: its customers
    /// (given, or named by its orders and feedback) and the whole rows of those it may change, its orders
    /// (given, or named by the records that refer to orders), and the records it upserts. Afterwards every
    /// lookup of the batch is answered from memory.
    mutating func prefetch(_ batch: IngestBatch) async throws {
        try await prefetchCustomers(batch)

        var orderKeys = Set(batch.orders.map(\.externalID))
        orderKeys.formUnion(batch.refunds.lazy.map(\.orderExternalID))
        orderKeys.formUnion(batch.shipments.lazy.map(\.orderExternalID))
        orderKeys.formUnion(batch.returns.lazy.map(\.orderExternalID))
        orderKeys.formUnion(batch.surveyAnswers.lazy.compactMap(\.orderExternalID))
        orderKeys.formUnion(batch.reviews.lazy.compactMap(\.orderExternalID))
        if !orderKeys.isEmpty {
            let query: PostgresQuery = """
                SELECT external_id, id, content_hash FROM orders WHERE external_id = ANY(\(Array(orderKeys))::text[])
                """
            for row in try await rows(query) {
                let (key, id, hash) = try row.decode((String, Int64, Int64).self)
                orders[key] = OrderState(ref: id, storedHash: hash, hash: hash)
            }
        }

        for (key, hash) in try await storedHashes("products", key: "sku", of: batch.products.map(\.sku)) {
            products.stored(key, version: hash)
        }
        for (key, hash) in try await storedHashes("shipments", of: batch.shipments.map(\.externalID)) {
            shipments.stored(key, version: hash)
        }
        for (key, hash) in try await storedHashes("returns", of: batch.returns.map(\.externalID)) {
            returns.stored(key, version: hash)
        }
        for (key, hash) in try await storedHashes("survey_answers", of: batch.surveyAnswers.map(\.externalID)) {
            surveyAnswers.stored(key, version: hash)
        }
        for (key, hash) in try await storedHashes("reviews", of: batch.reviews.map(\.externalID)) {
            reviews.stored(key, version: hash)
        }
        for (key, hash) in try await storedHashes("checkouts", of: batch.checkouts.map(\.externalID)) {
            checkouts.stored(key, version: hash)
        }
        try await prefetchRefunds(batch.refunds)
        try await prefetchMarketingSpend(batch.marketingSpend)
    }

    /// Reads the stored customers the batch names (row id, hash, creation time), then the whole rows of those
    /// one of its records may change: a customer record whose hash differs from the stored one, or an order
    /// placed before the stored creation time. A customer no record may change stays as stored through the
    /// batch, so its row is never needed.
    private mutating func prefetchCustomers(_ batch: IngestBatch) async throws {
        var keys = Set(batch.customers.map(\.externalID))
        keys.formUnion(batch.orders.lazy.compactMap(\.customerExternalID))
        keys.formUnion(batch.surveyAnswers.lazy.map(\.customerExternalID))
        keys.formUnion(batch.reviews.lazy.map(\.customerExternalID))
        guard !keys.isEmpty else { return }
        let query: PostgresQuery = """
            SELECT external_id, id, content_hash, created_at FROM customers
            WHERE external_id = ANY(\(Array(keys))::text[])
            """
        for row in try await rows(query) {
            let (key, id, hash, createdAt) = try row.decode((String, Int64, Int64, PostgresTimestamp?).self)
            customers[key] = CustomerState(
                ref: id, storedHash: hash, hash: hash, createdAt: createdAt?.milliseconds, record: nil)
        }
        guard !customers.isEmpty else { return }

        var toRead = Set<String>()
        func check(_ incoming: Customer) {
            guard let stored = customers[incoming.externalID], !toRead.contains(incoming.externalID) else { return }
            if Self.mayChange(stored, with: incoming) { toRead.insert(incoming.externalID) }
        }
        for customer in batch.customers { check(customer) }
        for order in batch.orders {
            if let id = order.customerExternalID { check(Customer(externalID: id, createdAt: order.placedAt)) }
        }
        guard !toRead.isEmpty else { return }
        let rows = try await rows(
            "\(unescaped: Customer.postgresSelect) WHERE external_id = ANY(\(Array(toRead))::text[])")
        for row in rows {
            let customer = try Customer(postgresRow: row)
            customers[customer.externalID]?.record = customer
        }
    }

    /// Reads the stored refunds the batch names, and every refund of the orders its refunds name (the rules
    /// sum them).
    private mutating func prefetchRefunds(_ batch: [Refund]) async throws {
        guard !batch.isEmpty else { return }
        let refundKeys = Array(Set(batch.map(\.externalID)))
        let orderKeys = Array(Set(batch.map(\.orderExternalID)))
        let query: PostgresQuery = """
            \(unescaped: Refund.postgresSelect)
            WHERE r.external_id = ANY(\(refundKeys)::text[]) OR o.external_id = ANY(\(orderKeys)::text[])
            """
        for row in try await rows(query) {
            let refund = try Refund(postgresRow: row)
            refunds.stored(
                refund.externalID, version: try PostgresStoredRow(row, table: "refunds").int64("content_hash"))
            refundsByOrder[refund.orderExternalID, default: [:]][refund.externalID] = refund
            refundOrders[refund.externalID] = refund.orderExternalID
        }
    }

    /// Reads the stored spend of the (channel, month) pairs the batch names.
    private mutating func prefetchMarketingSpend(_ batch: [MarketingSpend]) async throws {
        guard !batch.isEmpty else { return }
        let query: PostgresQuery = """
            SELECT channel, month, amount_minor, currency FROM marketing_spend
            WHERE (channel, month) IN (
                SELECT * FROM unnest(\(batch.map(\.channel))::text[], \(batch.map(\.month.description))::text[]))
            """
        for row in try await rows(query) {
            let spend = try MarketingSpend(postgresRow: row)
            marketingSpend.stored("\(spend.channel)\u{0}\(spend.month)", version: spend.amount)
        }
    }

    /// Reads the stored orders that the batch's refunds name and the batch does not hold: the refund rules
    /// need their currency and total.
    mutating func prefetchOrdersForRefunds(_ batch: [Refund]) async throws {
        let keys = Set(batch.map(\.orderExternalID)).filter { key in
            orders[key].map { $0.order == nil } ?? false
        }
        guard !keys.isEmpty else { return }
        for row in try await rows(
            "\(unescaped: Order.postgresSelect) WHERE o.external_id = ANY(\(Array(keys))::text[])")
        {
            let order = try Order(postgresRow: row)
            storedOrdersForRefunds[order.externalID] = order
        }
    }

    /// The stored `(key, content_hash)` of each of `keys` in `table`.
    private func storedHashes(_ table: String, key: String = "external_id", of keys: [String]) async throws
        -> [(String, Int64)]
    {
        guard !keys.isEmpty else { return [] }
        let query: PostgresQuery = """
            SELECT \(unescaped: key), content_hash FROM \(unescaped: table)
            WHERE \(unescaped: key) = ANY(\(Array(Set(keys)))::text[])
            """
        return try await rows(query).map { try $0.decode((String, Int64).self) }
    }
}
