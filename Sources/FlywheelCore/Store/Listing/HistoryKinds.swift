/// Which kinds of records `FlywheelStore.readHistory` reads.
public struct HistoryKinds: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let customers = HistoryKinds(rawValue: 1)
    public static let orders = HistoryKinds(rawValue: 2)
    public static let refunds = HistoryKinds(rawValue: 4)
    public static let marketingSpend = HistoryKinds(rawValue: 8)
    public static let surveyAnswers = HistoryKinds(rawValue: 16)
    public static let reviews = HistoryKinds(rawValue: 32)
    /// Customers, orders and refunds: what purchase analytics need.
    public static let purchases: HistoryKinds = [.customers, .orders, .refunds]
    /// Marketing spend, survey answers and reviews.
    public static let feedbackAndSpend: HistoryKinds = [.marketingSpend, .surveyAnswers, .reviews]
    public static let all: HistoryKinds = [.purchases, .feedbackAndSpend]
}
