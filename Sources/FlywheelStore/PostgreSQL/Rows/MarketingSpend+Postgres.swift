import FlywheelCore
import PostgresNIO

extension MarketingSpend {
    /// Every spend record, by month then channel.
    static let postgresSelectAll = """
        SELECT channel, month, amount_minor, currency FROM marketing_spend
        ORDER BY month COLLATE "C", channel COLLATE "C"
        """

    /// Reads a row of `postgresSelectAll`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "marketing_spend")
        guard let month = YearMonth(try r.string("month")) else { throw r.unreadable("month") }
        self.init(
            channel: try r.string("channel"), month: month,
            amount: Money(minorUnits: try r.int64("amount_minor"), currency: try r.currency("currency")))
    }
}
