/// What the shop spent on one acquisition channel in one month (the basis of CAC).
public struct MarketingSpend: Hashable, Sendable {
    public var channel: String
    public var month: YearMonth
    public var amount: Money

    public init(channel: String, month: YearMonth, amount: Money) {
        self.channel = channel
        self.month = month
        self.amount = amount
    }
}
