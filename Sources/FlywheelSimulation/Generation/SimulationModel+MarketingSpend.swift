import FlywheelCore

extension SimulationModel {
    /// The stream of the monthly spend noise (indexed by month, not by customer).
    static let spendStream: UInt64 = 2

    /// Monthly spend per paid channel: the expected number of customers the channel brings that month (from
    /// the arrival weights, sale boosts and channel shares), times the channel's target cost per
    /// acquisition, times noise uniform in [0.85, 1.15) per month and channel. In month then channel order.
    func marketingSpend() -> [MarketingSpend] {
        let shares = calendar.dayShares()
        let paid = SalesChannel.allCases.filter { $0.targetCostPerAcquisition != nil }
        var months: [(month: YearMonth, expected: [Double])] = []
        for day in 0..<calendar.dayCount {
            let date = CivilDate.components(daysSinceEpoch: calendar.firstDay + day)
            let month = YearMonth(year: date.year, month: date.month)!
            if months.last?.month != month { months.append((month, Array(repeating: 0, count: paid.count))) }
            let customers = Double(config.customers) * shares[day]
            let regular = 1 / calendar.boost[day]
            for (k, channel) in paid.enumerated() {
                let share =
                    regular * SalesChannel.regularShares[channel.rawValue]
                    + (1 - regular) * SalesChannel.saleShares[channel.rawValue]
                months[months.count - 1].expected[k] += customers * share
            }
        }
        var spend: [MarketingSpend] = []
        for (index, entry) in months.enumerated() {
            var random = RandomSource(seed: config.seed, index: UInt64(index), stream: SimulationModel.spendStream)
            for (k, channel) in paid.enumerated() {
                let noise = 0.85 + 0.3 * random.uniform()
                let cost = Double(channel.targetCostPerAcquisition!)
                let amount = Int64((entry.expected[k] * cost * noise).rounded())
                spend.append(
                    MarketingSpend(
                        channel: channel.name, month: entry.month, amount: Money(minorUnits: amount, currency: .eur)))
            }
        }
        return spend.sorted { ($0.month, $0.channel) < ($1.month, $1.channel) }
    }
}
