import FlywheelCore
import PostgresNIO

extension Checkout {
    /// Selects checkouts; callers append a WHERE/ORDER BY.
    static let postgresSelect = """
        SELECT external_id, customer_external_id, email, created_at, updated_at, currency, total_minor, lines, \
        recovery_url, completed_at, order_external_id FROM checkouts
        """

    /// Reads a row of `postgresSelect`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "checkouts")
        let lines: [CheckoutLine]
        do { lines = try CheckoutLinesJSON.lines(try r.string("lines")) } catch { throw r.unreadable("lines") }
        self.init(
            externalID: try r.string("external_id"), customerExternalID: try r.optionalString("customer_external_id"),
            email: try r.optionalString("email"), createdAt: try r.date("created_at"),
            updatedAt: try r.date("updated_at"), currency: try r.currency("currency"),
            totalMinor: try r.int64("total_minor"), lines: lines, recoveryURL: try r.optionalString("recovery_url"),
            completedAt: try r.optionalDate("completed_at"), orderExternalID: try r.optionalString("order_external_id"))
    }
}
