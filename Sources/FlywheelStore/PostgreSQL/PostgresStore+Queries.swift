public import FlywheelCore
import PostgresNIO

extension PostgresStore {
    public func customer(externalID: String) async throws -> Customer? {
        try await rows("\(unescaped: Customer.postgresSelect) WHERE external_id = \(externalID)")
            .first.map(Customer.init(postgresRow:))
    }

    public func product(sku: String) async throws -> Product? {
        try await rows("\(unescaped: Product.postgresSelect) WHERE sku = \(sku)").first.map(Product.init(postgresRow:))
    }

    public func order(externalID: String) async throws -> Order? {
        try await rows("\(unescaped: Order.postgresSelect) WHERE o.external_id = \(externalID)")
            .first.map(Order.init(postgresRow:))
    }

    public func orders(customerExternalID: String) async throws -> [Order] {
        try await rows(
            """
            \(unescaped: Order.postgresSelect)
            WHERE o.customer_id = (SELECT id FROM customers WHERE external_id = \(customerExternalID))
            ORDER BY o.placed_at, o.external_id COLLATE "C"
            """
        ).map(Order.init(postgresRow:))
    }

    public func refunds(orderExternalID: String) async throws -> [Refund] {
        try await rows(
            """
            \(unescaped: Refund.postgresSelect)
            WHERE o.external_id = \(orderExternalID) ORDER BY r.created_at, r.external_id COLLATE "C"
            """
        ).map(Refund.init(postgresRow:))
    }

    public func shipments(orderExternalID: String) async throws -> [Shipment] {
        try await rows(
            """
            \(unescaped: Shipment.postgresSelect)
            WHERE o.external_id = \(orderExternalID) ORDER BY s.external_id COLLATE "C"
            """
        ).map(Shipment.init(postgresRow:))
    }

    public func shipment(externalID: String) async throws -> Shipment? {
        try await rows("\(unescaped: Shipment.postgresSelect) WHERE s.external_id = \(externalID)")
            .first.map(Shipment.init(postgresRow:))
    }

    public func returns(orderExternalID: String) async throws -> [ReturnRequest] {
        try await rows(
            """
            \(unescaped: ReturnRequest.postgresSelect)
            WHERE o.external_id = \(orderExternalID) ORDER BY r.requested_at, r.external_id COLLATE "C"
            """
        ).map(ReturnRequest.init(postgresRow:))
    }

    public func marketingSpend() async throws -> [MarketingSpend] {
        try await rows(PostgresQuery(unsafeSQL: MarketingSpend.postgresSelectAll)).map(
            MarketingSpend.init(postgresRow:))
    }

    public func surveyAnswers(customerExternalID: String) async throws -> [SurveyAnswer] {
        try await rows(
            """
            \(unescaped: SurveyAnswer.postgresSelect)
            WHERE c.external_id = \(customerExternalID) ORDER BY a.answered_at, a.external_id COLLATE "C"
            """
        ).map(SurveyAnswer.init(postgresRow:))
    }

    public func reviews(customerExternalID: String) async throws -> [Review] {
        try await rows(
            """
            \(unescaped: Review.postgresSelect)
            WHERE c.external_id = \(customerExternalID) ORDER BY v.created_at, v.external_id COLLATE "C"
            """
        ).map(Review.init(postgresRow:))
    }

    public func importRun(fingerprint: String) async throws -> ImportRun? {
        try await rows(ImportRun.postgresSelect(fingerprint: fingerprint)).first.map(ImportRun.init(postgresRow:))
    }
}
