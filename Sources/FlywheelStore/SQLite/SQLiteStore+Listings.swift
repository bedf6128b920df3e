public import FlywheelCore
import Foundation
import GRDB

extension SQLiteStore {
    public func customers(_ query: CustomerQuery) async throws -> Page<Customer> {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let after = query.after {
            conditions.append("external_id > ?")
            arguments += [after]
        }
        if let email = query.email {
            conditions.append("email = ?")
            arguments += [email]
        }
        let sql = Customer.sqliteSelect + Self.whereClause(conditions) + "\nORDER BY external_id LIMIT ?"
        arguments += [query.limit + 1]
        let rows = try await pool.read { [arguments] db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(Customer.init(sqliteRow:))
        }
        return Page.cut(rows, limit: query.limit, key: \.externalID)
    }

    public func orders(_ query: OrderQuery) async throws -> Page<Order> {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let after = query.after {
            conditions.append("o.external_id > ?")
            arguments += [after]
        }
        if let customer = query.customerExternalID {
            conditions.append("o.customer_id = (SELECT id FROM customers WHERE external_id = ?)")
            arguments += [customer]
        }
        if let from = query.placedFrom {
            conditions.append("o.placed_at >= ?")
            arguments += [EpochMilliseconds.from(from)]
        }
        if let before = query.placedBefore {
            conditions.append("o.placed_at < ?")
            arguments += [EpochMilliseconds.from(before)]
        }
        let sql = Order.sqliteSelect + Self.whereClause(conditions) + "\nORDER BY o.external_id LIMIT ?"
        arguments += [query.limit + 1]
        let orders = try await pool.read { [arguments] db in try Order.fetchAllSQLite(db, sql: sql, arguments: arguments) }
        return Page.cut(orders, limit: query.limit, key: \.externalID)
    }

    public func refunds(_ query: ListQuery) async throws -> Page<Refund> {
        try await page(Refund.sqliteSelect, alias: "r", query, Refund.init(sqliteRow:), key: \.externalID)
    }

    public func shipments(_ query: ListQuery) async throws -> Page<Shipment> {
        try await page(Shipment.sqliteSelect, alias: "s", query, Shipment.init(sqliteRow:), key: \.externalID)
    }

    public func returns(_ query: ListQuery) async throws -> Page<ReturnRequest> {
        try await page(ReturnRequest.sqliteSelect, alias: "r", query, ReturnRequest.init(sqliteRow:), key: \.externalID)
    }

    public func surveyAnswers(_ query: ListQuery) async throws -> Page<SurveyAnswer> {
        try await page(SurveyAnswer.sqliteSelect, alias: "a", query, SurveyAnswer.init(sqliteRow:), key: \.externalID)
    }

    public func reviews(_ query: ListQuery) async throws -> Page<Review> {
        try await page(Review.sqliteSelect, alias: "v", query, Review.init(sqliteRow:), key: \.externalID)
    }

    /// One page of a plain listing: `select` with a cursor on `<alias>.external_id`.
    private func page<Record: Sendable>(
        _ select: String, alias: String, _ query: ListQuery, _ decode: @escaping @Sendable (Row) throws -> Record,
        key: (Record) -> String
    ) async throws -> Page<Record> {
        var arguments: StatementArguments = []
        var sql = select
        if let after = query.after {
            sql += "\nWHERE \(alias).external_id > ?"
            arguments += [after]
        }
        sql += "\nORDER BY \(alias).external_id LIMIT ?"
        arguments += [query.limit + 1]
        let rows = try await pool.read { [sql, arguments] db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(decode)
        }
        return Page.cut(rows, limit: query.limit, key: key)
    }

    static func whereClause(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : "\nWHERE " + conditions.joined(separator: " AND ")
    }
}
