public import FlywheelCore
import PostgresNIO

extension PostgresStore {
    public func customers(_ query: CustomerQuery) async throws -> Page<Customer> {
        var sql = PostgresQuery(unsafeSQL: Customer.postgresSelect + "\nWHERE TRUE")
        if let after = query.after { try sql.append(" AND external_id > $", after) }
        if let email = query.email { try sql.append(" AND email = $", email) }
        try sql.append("\nORDER BY external_id COLLATE \"C\" LIMIT $", query.limit + 1)
        return Page.cut(try await rows(sql).map(Customer.init(postgresRow:)), limit: query.limit, key: \.externalID)
    }

    public func orders(_ query: OrderQuery) async throws -> Page<Order> {
        var sql = PostgresQuery(unsafeSQL: Order.postgresSelect + "\nWHERE TRUE")
        if let after = query.after { try sql.append(" AND o.external_id > $", after) }
        if let customer = query.customerExternalID {
            try sql.append(" AND o.customer_id = (SELECT id FROM customers WHERE external_id = $", customer, ")")
        }
        if let from = query.placedFrom { try sql.append(" AND o.placed_at >= $", PostgresTimestamp(from)) }
        if let before = query.placedBefore { try sql.append(" AND o.placed_at < $", PostgresTimestamp(before)) }
        try sql.append("\nORDER BY o.external_id COLLATE \"C\" LIMIT $", query.limit + 1)
        return Page.cut(try await rows(sql).map(Order.init(postgresRow:)), limit: query.limit, key: \.externalID)
    }

    public func refunds(_ query: ListQuery) async throws -> Page<Refund> {
        try await page(Refund.postgresSelect, alias: "r", query, Refund.init(postgresRow:), key: \.externalID)
    }

    public func shipments(_ query: ListQuery) async throws -> Page<Shipment> {
        try await page(Shipment.postgresSelect, alias: "s", query, Shipment.init(postgresRow:), key: \.externalID)
    }

    public func returns(_ query: ListQuery) async throws -> Page<ReturnRequest> {
        try await page(
            ReturnRequest.postgresSelect, alias: "r", query, ReturnRequest.init(postgresRow:), key: \.externalID)
    }

    public func surveyAnswers(_ query: ListQuery) async throws -> Page<SurveyAnswer> {
        try await page(
            SurveyAnswer.postgresSelect, alias: "a", query, SurveyAnswer.init(postgresRow:), key: \.externalID)
    }

    public func reviews(_ query: ListQuery) async throws -> Page<Review> {
        try await page(Review.postgresSelect, alias: "v", query, Review.init(postgresRow:), key: \.externalID)
    }

    /// One page of a plain listing: `select` with a cursor on `<alias>.external_id`, in byte order.
    private func page<Record: Sendable>(
        _ select: String, alias: String, _ query: ListQuery, _ decode: (PostgresRow) throws -> Record,
        key: (Record) -> String
    ) async throws -> Page<Record> {
        var sql = PostgresQuery(unsafeSQL: select + "\nWHERE TRUE")
        if let after = query.after { try sql.append(" AND \(alias).external_id > $", after) }
        try sql.append("\nORDER BY \(alias).external_id COLLATE \"C\" LIMIT $", query.limit + 1)
        return Page.cut(try await rows(sql).map(decode), limit: query.limit, key: key)
    }
}

extension PostgresQuery {
    /// Appends `before`, then the placeholder of `value` bound as the next parameter (so `before` ends with
    /// `$`), then `after`: filters are added one by one, values always bound.
    mutating func append<Value: PostgresThrowingDynamicTypeEncodable>(
        _ before: String, _ value: Value, _ after: String = ""
    ) throws {
        try binds.append(value)
        sql += before + "\(binds.count)" + after
    }
}
