public import FlywheelCore

/// The raw counts of one flow over a period, as the store tallies them.
///
/// The treatment group is everyone who entered and was not held out; "converted" means ordered again
/// within the attribution window after entering (for the holdout group likewise, without any message).
public struct FlowCounts: Hashable, Sendable {
    /// Entered and not held out.
    public var entered: Int
    public var holdoutEntered: Int
    public var sent: Int
    public var delivered: Int
    public var opened: Int
    public var clicked: Int
    public var converted: Int
    public var holdoutConverted: Int
    /// Revenue of the treatment group's attributed orders in the window (the shop's currency).
    public var revenue: Money
    /// Revenue of the holdout group's orders in the same window, in the same currency.
    public var holdoutRevenue: Money

    /// Counts with revenue in `currency` (minor units).
    public init(
        currency: CurrencyCode, entered: Int, holdoutEntered: Int = 0, sent: Int = 0, delivered: Int = 0,
        opened: Int = 0, clicked: Int = 0, converted: Int = 0, holdoutConverted: Int = 0, revenueMinor: Int64 = 0,
        holdoutRevenueMinor: Int64 = 0
    ) {
        self.entered = entered
        self.holdoutEntered = holdoutEntered
        self.sent = sent
        self.delivered = delivered
        self.opened = opened
        self.clicked = clicked
        self.converted = converted
        self.holdoutConverted = holdoutConverted
        self.revenue = Money(minorUnits: revenueMinor, currency: currency)
        self.holdoutRevenue = Money(minorUnits: holdoutRevenueMinor, currency: currency)
    }
}
