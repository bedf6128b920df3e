import FlywheelCore
import GRDB

extension MarketingSpend {
    /// Every spend record, by month then channel.
    static let sqliteSelectAll =
        "SELECT channel, month, amount_minor, currency FROM marketing_spend ORDER BY month, channel"

    /// Reads a row of `sqliteSelectAll`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "marketing_spend")
        guard let month = YearMonth(try r.string("month")) else { throw r.unreadable("month") }
        self.init(
            channel: try r.string("channel"), month: month,
            amount: Money(minorUnits: try r.int64("amount_minor"), currency: try r.currency("currency")))
    }
}
