public import FlywheelCore
public import Foundation

/// One customer as the scheduled sweep sees them: dates and the analytics' verdicts, gathered by the caller.
public struct SweepCustomer: Sendable, Hashable {
    public var id: String
    public var birthday: CivilDate?
    public var firstOrderAt: Date?
    public var lastOrderAt: Date?
    /// The learned lapse window for this customer (days), when the analytics has one.
    public var lapseWindowDays: Double?
    /// The modelled probability of being alive, when a CLV model is fitted.
    public var pAlive: Double?
    /// The customer's rank by value: the share of buyers, in percent, who spent more (0 for the top spender;
    /// the analytics' VIP measure, `AnalyticsSnapshot.valueRankPercents`), when known.
    public var valueRankPercent: Double?
    /// The customer's time zone (calendar days for birthdays), else the shop's.
    public var timeZone: TimeZone?

    public init(
        id: String, birthday: CivilDate? = nil, firstOrderAt: Date? = nil, lastOrderAt: Date? = nil,
        lapseWindowDays: Double? = nil, pAlive: Double? = nil, valueRankPercent: Double? = nil,
        timeZone: TimeZone? = nil
    ) {
        self.id = id
        self.birthday = birthday
        self.firstOrderAt = firstOrderAt
        self.lastOrderAt = lastOrderAt
        self.lapseWindowDays = lapseWindowDays
        self.pAlive = pAlive
        self.valueRankPercent = valueRankPercent
        self.timeZone = timeZone
    }
}
