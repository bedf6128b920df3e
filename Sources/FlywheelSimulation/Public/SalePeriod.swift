public import FlywheelCore

/// A sale during which more customers arrive, each of them with the sale's discount code on the first order.
public struct SalePeriod: Sendable, Hashable {
    /// The sale's name, e.g. `Black Week`.
    public var name: String
    /// The discount code sale-acquired customers use on their first order.
    public var code: String
    /// The code's discount in percent of the order's line items.
    public var percentOff: Int
    /// The sale's first day (shop-local date).
    public var firstDay: CivilDate
    /// The sale's last day (shop-local date, inclusive).
    public var lastDay: CivilDate
    /// How many times the usual number of customers arrive on a sale day; of those, the share
    /// `1 - 1/acquisitionBoost` are sale-acquired.
    public var acquisitionBoost: Double

    /// Creates a sale period.
    public init(
        name: String, code: String, percentOff: Int, firstDay: CivilDate, lastDay: CivilDate, acquisitionBoost: Double
    ) {
        self.name = name
        self.code = code
        self.percentOff = percentOff
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.acquisitionBoost = acquisitionBoost
    }

    /// The simulated shop's yearly sales that overlap the days `days` (days since 1970-01-01), in date order:
    /// Black Week (Friday after the fourth Thursday of November to the Monday after, 20 % off, 5× arrivals),
    /// the summer sale (14 July to 3 August, 15 % off, 2×) and the Day of Coffee (1 October, 10 % off, 2.5×).
    static func yearly(overlapping days: ClosedRange<Int>) -> [SalePeriod] {
        let firstYear = CivilDate.components(daysSinceEpoch: days.lowerBound).year
        let lastYear = CivilDate.components(daysSinceEpoch: days.upperBound).year
        var periods: [SalePeriod] = []
        for year in firstYear...lastYear {
            let novemberFirst = CivilDate.daysSinceEpoch(year: year, month: 11, day: 1)
            let firstThursday = novemberFirst + (3 - CivilDate.weekday(daysSinceEpoch: novemberFirst) + 7) % 7
            let blackFriday = firstThursday + 22
            let candidates: [(String, String, Int, Int, Int, Double)] = [
                (
                    "Sommer-Sale", "SOMMER15", 15, CivilDate.daysSinceEpoch(year: year, month: 7, day: 14),
                    CivilDate.daysSinceEpoch(year: year, month: 8, day: 3), 2.0
                ),
                (
                    "Tag des Kaffees", "KAFFEETAG10", 10, CivilDate.daysSinceEpoch(year: year, month: 10, day: 1),
                    CivilDate.daysSinceEpoch(year: year, month: 10, day: 1), 2.5
                ),
                ("Black Week", "BLACKWEEK20", 20, blackFriday, blackFriday + 3, 5.0),
            ]
            for (name, code, percent, first, last, boost) in candidates
            where last >= days.lowerBound && first <= days.upperBound {
                periods.append(
                    SalePeriod(
                        name: name, code: code, percentOff: percent,
                        firstDay: CivilDate(daysSinceEpoch: max(first, days.lowerBound)),
                        lastDay: CivilDate(daysSinceEpoch: min(last, days.upperBound)), acquisitionBoost: boost))
            }
        }
        return periods
    }
}
