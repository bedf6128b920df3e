public import FlywheelCore
import PostgresNIO

extension PostgresStore {
    public func checkout(externalID: String) async throws -> Checkout? {
        try await rows("\(unescaped: Checkout.postgresSelect) WHERE external_id = \(externalID)").first.map(
            Checkout.init(postgresRow:))
    }

    public func checkouts(customerExternalID: String) async throws -> [Checkout] {
        try await rows(
            """
            \(unescaped: Checkout.postgresSelect)
            WHERE customer_external_id = \(customerExternalID) ORDER BY created_at, external_id
            """
        ).map(Checkout.init(postgresRow:))
    }

    public func openCheckouts(_ query: OpenCheckoutQuery) async throws -> Page<Checkout> {
        let from = PostgresTimestamp(query.updatedFrom)
        let before = PostgresTimestamp(query.updatedBefore)
        let checkouts = try await rows(
            """
            \(unescaped: Checkout.postgresSelect)
            WHERE completed_at IS NULL AND order_external_id IS NULL AND updated_at >= \(from) \
            AND updated_at < \(before) AND external_id > \(query.after ?? "")
            ORDER BY external_id LIMIT \(query.limit + 1)
            """
        ).map(Checkout.init(postgresRow:))
        return Page.cut(checkouts, limit: query.limit, key: \.externalID)
    }
}
