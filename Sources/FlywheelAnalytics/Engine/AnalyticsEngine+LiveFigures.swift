public import Foundation

extension AnalyticsEngine {
    /// The kept figures of the `granularity` period containing `asOf` (in the shop's time zone) and of the
    /// whole history, read without a pass: what `apply` has just updated. Equal to the same fields of
    /// `snapshot(asOf:).metrics(for:)` whenever `asOf` is not before the newest order (`LiveFiguresTests`).
    public func liveFigures(asOf: Date, granularity: PeriodGranularity = .month) -> LiveFigures {
        var converter = LocalDayConverter(timeZone: table.timeZone)
        let day = converter.localDay(of: asOf)
        let period = Period(
            granularity: granularity, index: granularity.index(ofMonthIndex: MonthIndex.of(dayNumber: Int(day))))
        let cell = kept.periods(granularity).cells[period.index]
        let totals = kept.lifetime
        return LiveFigures(
            asOf: asOf, period: period, customers: Int(cell.customers), newCustomers: Int(cell.newCustomers),
            returningCustomers: Int(cell.returningCustomers),
            repeatPurchaseRate: Fraction.ratio(cell.returningCustomers, cell.customers), orders: Int(cell.orders),
            netRevenueMinor: cell.netRevenue, averageOrderValueMinor: Fraction.rounded(cell.netRevenue, cell.orders),
            buyers: Int(totals.buyers), repeatBuyers: Int(totals.repeatBuyers), loyalBuyers: Int(totals.loyalBuyers),
            allTimeRepeatPurchaseRate: Fraction.ratio(totals.repeatBuyers, totals.buyers),
            allTimeOrders: Int(totals.orders), allTimeNetRevenueMinor: totals.netRevenue,
            allTimeAverageOrderValueMinor: Fraction.rounded(totals.netRevenue, totals.orders))
    }
}
