import FlywheelCore
import GRDB

extension Review {
    /// Selects reviews with their customer's and order's external ids; callers append a WHERE/ORDER BY.
    static let sqliteSelect = """
        SELECT v.external_id, c.external_id AS customer_external_id, o.external_id AS order_external_id, v.sku, \
        v.rating, v.title, v.body, v.locale, v.has_photo, v.created_at
        FROM reviews v JOIN customers c ON c.id = v.customer_id LEFT JOIN orders o ON o.id = v.order_id
        """

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "reviews")
        self.init(
            externalID: try r.string("external_id"), customerExternalID: try r.string("customer_external_id"),
            orderExternalID: r.optionalString("order_external_id"), sku: try r.string("sku"),
            rating: try r.int("rating"), title: r.optionalString("title"), body: r.optionalString("body"),
            locale: try r.optionalValue("locale"), hasPhoto: try r.bool("has_photo"),
            createdAt: try r.date("created_at"))
    }

    /// Binds the columns of `UpsertTable.reviews`, with the row ids of the customer and order.
    func bindSQLiteColumns(to statement: FastStatement, customerID: Int64, orderID: Int64?) throws {
        try statement.bind(1, externalID)
        try statement.bind(2, customerID)
        try statement.bind(3, orderID)
        try statement.bind(4, sku)
        try statement.bind(5, rating)
        try statement.bind(6, title)
        try statement.bind(7, body)
        try statement.bind(8, locale?.rawValue)
        try statement.bind(9, hasPhoto)
        try statement.bind(10, EpochMilliseconds.from(createdAt))
    }
}
