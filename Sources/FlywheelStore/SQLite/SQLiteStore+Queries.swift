public import FlywheelCore
import GRDB

extension SQLiteStore {
    public func customer(externalID: String) async throws -> Customer? {
        try await pool.read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: Customer.sqliteSelect + "\nWHERE external_id = ?1"),
                arguments: [externalID]
            ).map(Customer.init(sqliteRow:))
        }
    }

    public func product(sku: String) async throws -> Product? {
        try await pool.read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: Product.sqliteSelect + "\nWHERE sku = ?1"),
                arguments: [sku]
            ).map(Product.init(sqliteRow:))
        }
    }

    public func order(externalID: String) async throws -> Order? {
        try await pool.read { db in
            try Order.fetchAllSQLite(db, sql: Order.sqliteSelectByExternalID, arguments: [externalID]).first
        }
    }

    public func orders(customerExternalID: String) async throws -> [Order] {
        try await pool.read { db in
            try Order.fetchAllSQLite(db, sql: Order.sqliteSelectByCustomer, arguments: [customerExternalID])
        }
    }

    public func refunds(orderExternalID: String) async throws -> [Refund] {
        try await fetchAll(
            Refund.sqliteSelect + "\nWHERE o.external_id = ?1 ORDER BY r.created_at, r.external_id", orderExternalID,
            Refund.init(sqliteRow:))
    }

    public func shipments(orderExternalID: String) async throws -> [Shipment] {
        try await fetchAll(
            Shipment.sqliteSelect + "\nWHERE o.external_id = ?1 ORDER BY s.external_id", orderExternalID,
            Shipment.init(sqliteRow:))
    }

    public func shipment(externalID: String) async throws -> Shipment? {
        try await fetchAll(Shipment.sqliteSelect + "\nWHERE s.external_id = ?1", externalID, Shipment.init(sqliteRow:))
            .first
    }

    public func returns(orderExternalID: String) async throws -> [ReturnRequest] {
        try await fetchAll(
            ReturnRequest.sqliteSelect + "\nWHERE o.external_id = ?1 ORDER BY r.requested_at, r.external_id",
            orderExternalID, ReturnRequest.init(sqliteRow:))
    }

    public func marketingSpend() async throws -> [MarketingSpend] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: MarketingSpend.sqliteSelectAll).map(MarketingSpend.init(sqliteRow:))
        }
    }

    public func surveyAnswers(customerExternalID: String) async throws -> [SurveyAnswer] {
        try await fetchAll(
            SurveyAnswer.sqliteSelect + "\nWHERE c.external_id = ?1 ORDER BY a.answered_at, a.external_id",
            customerExternalID, SurveyAnswer.init(sqliteRow:))
    }

    public func reviews(customerExternalID: String) async throws -> [Review] {
        try await fetchAll(
            Review.sqliteSelect + "\nWHERE c.external_id = ?1 ORDER BY v.created_at, v.external_id",
            customerExternalID, Review.init(sqliteRow:))
    }

    public func importRun(fingerprint: String) async throws -> ImportRun? {
        try await pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: ImportRun.sqliteSelect), arguments: [fingerprint])
                .map(ImportRun.init(sqliteRow:))
        }
    }

    /// The records `sql` selects with one bound key, decoded by `decode`.
    private func fetchAll<Record: Sendable>(
        _ sql: String, _ key: String, _ decode: @escaping @Sendable (Row) throws -> Record
    ) async throws -> [Record] {
        try await pool.read { db in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [key]).map(decode) }
    }
}
