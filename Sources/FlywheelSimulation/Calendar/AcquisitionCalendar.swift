import FlywheelCore
/// When customers arrive: a weight for every hour of the two years, the product of a linear growth trend,
/// a month-of-year season, a day-of-week pattern and sale boosts of the hour's local day, and an
/// hour-of-day profile of its local hour.
///
/// Customer `i` of `n` arrives at the instant where the cumulative weight reaches `(i + u) / n` of the
/// total (`u` uniform from the customer's own stream): arrivals follow the weights and stay in customer
/// order. The hours are UTC hours (their local day and hour looked up), so arrival instants grow strictly
/// with the customer index, across summer-time changes too.
struct AcquisitionCalendar: Sendable {
    /// The first local day (days since 1970-01-01) and the number of days.
    let firstDay: Int
    let dayCount: Int
    let sales: [SalePeriod]
    /// For each day, the index into `sales`, or -1.
    let saleIndex: [Int8]
    /// For each day, how many times the usual customers arrive (1 outside sales).
    let boost: [Double]
    /// The first instant (UTC seconds): local midnight starting `firstDay`.
    private let startUTC: Int64
    /// Cumulative weights of the UTC hours from `startUTC` to the end of the last day.
    private let cumulative: [Double]
    /// The local day (offset from `firstDay`) of each hour.
    private let hourDay: [Int16]
    /// The weight of each day, as a share of the total.
    private let dayShare: [Double]
    /// Cumulative hour-of-day profile, for the times of repeat orders.
    let hourCumulative: [Double]

    /// January … December.
    static let monthSeason: [Double] = [0.95, 0.85, 0.90, 0.90, 0.85, 0.80, 0.85, 0.85, 0.95, 1.05, 1.20, 1.45]
    /// Monday … Sunday.
    static let weekdayFactor: [Double] = [1.05, 1.00, 1.00, 0.95, 0.90, 0.85, 1.15]
    /// Local hours 0 … 23.
    static let hourProfile: [Double] = [
        0.25, 0.15, 0.10, 0.08, 0.08, 0.12, 0.30, 0.60, 0.90, 1.00, 1.05, 1.10,
        1.20, 1.15, 1.00, 0.95, 1.00, 1.10, 1.30, 1.50, 1.60, 1.45, 1.00, 0.55,
    ]
    /// Arrivals grow linearly from this factor on the first day to `growthEnd` on the last.
    static let growthStart = 0.7
    static let growthEnd = 1.3

    init(lastDay: Int, dayCount: Int, clock: ShopClock) {
        let firstDay = lastDay - dayCount + 1
        self.firstDay = firstDay
        self.dayCount = dayCount
        sales = SalePeriod.yearly(overlapping: firstDay...lastDay)
        var saleIndex = Array(repeating: Int8(-1), count: dayCount)
        var boost = Array(repeating: 1.0, count: dayCount)
        for (index, sale) in sales.enumerated() {
            for day in sale.firstDay.daysSinceEpoch...sale.lastDay.daysSinceEpoch {
                saleIndex[day - firstDay] = Int8(index)
                boost[day - firstDay] = sale.acquisitionBoost
            }
        }
        self.saleIndex = saleIndex
        self.boost = boost
        var hourSum = 0.0
        hourCumulative = AcquisitionCalendar.hourProfile.map {
            hourSum += $0
            return hourSum
        }
        startUTC = clock.utc(local: Int64(firstDay) * 86_400)
        let endUTC = clock.utc(local: Int64(lastDay + 1) * 86_400)
        let hours = Int((endUTC - startUTC) / 3_600)
        let dayWeights = (0..<dayCount).map {
            AcquisitionCalendar.dayWeight(offset: $0, dayCount: dayCount, firstDay: firstDay) * boost[$0]
        }
        var cumulative: [Double] = []
        var hourDay: [Int16] = []
        var dayTotals = Array(repeating: 0.0, count: dayCount)
        cumulative.reserveCapacity(hours)
        hourDay.reserveCapacity(hours)
        var sum = 0.0
        for hour in 0..<hours {
            let local = clock.local(utc: startUTC + Int64(hour) * 3_600)
            let day = Int(ShopClock.floorDiv(local, 86_400)) - firstDay
            let weight = dayWeights[day] * AcquisitionCalendar.hourProfile[Int(local % 86_400) / 3_600]
            sum += weight
            dayTotals[day] += weight
            cumulative.append(sum)
            hourDay.append(Int16(day))
        }
        self.cumulative = cumulative
        self.hourDay = hourDay
        dayShare = dayTotals.map { $0 / sum }
    }

    /// The weight of a day before sale boosts: trend × season × weekday.
    static func dayWeight(offset: Int, dayCount: Int, firstDay: Int) -> Double {
        let day = firstDay + offset
        let trend = growthStart + (growthEnd - growthStart) * Double(offset) / Double(max(dayCount - 1, 1))
        return trend * monthSeason[CivilDate.components(daysSinceEpoch: day).month - 1] * weekdayFactor[CivilDate.weekday(daysSinceEpoch: day)]
    }

    /// The instant (UTC seconds) at which the cumulative weight reaches `fraction` (0 ≤ fraction < 1) of the
    /// total, and its local day's offset from `firstDay`.
    func arrival(fraction: Double) -> (utc: Int64, dayOffset: Int) {
        let target = fraction * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        let before = low == 0 ? 0 : cumulative[low - 1]
        let within = min(max((target - before) / (cumulative[low] - before), 0), 0.999_999)
        return (startUTC + Int64(low) * 3_600 + Int64(within * 3_600), Int(hourDay[low]))
    }

    /// The expected share of all customers that arrive on each day (sums to 1).
    func dayShares() -> [Double] { dayShare }
}
