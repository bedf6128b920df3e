import FlywheelCore
import PostgresNIO

extension Review {
    /// Selects reviews with their customer's and order's external ids; callers append a WHERE/ORDER BY on `v`.
    static let postgresSelect = """
        SELECT v.external_id, c.external_id AS customer_external_id, o.external_id AS order_external_id, v.sku, \
        v.rating, v.title, v.body, v.locale, v.has_photo, v.created_at
        FROM reviews v JOIN customers c ON c.id = v.customer_id LEFT JOIN orders o ON o.id = v.order_id
        """

    /// Reads a row of `postgresSelect`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "reviews")
        self.init(
            externalID: try r.string("external_id"), customerExternalID: try r.string("customer_external_id"),
            orderExternalID: try r.optionalString("order_external_id"), sku: try r.string("sku"),
            rating: try r.int("rating"), title: try r.optionalString("title"), body: try r.optionalString("body"),
            locale: try r.optionalValue("locale"), hasPhoto: try r.bool("has_photo"),
            createdAt: try r.date("created_at"))
    }
}
