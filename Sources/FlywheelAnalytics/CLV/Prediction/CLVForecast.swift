/// Predictions for every customer of a summary, in its rows' order.
///
/// - **Probability alive**: P(active at the calibration end | x, tₓ, T).
/// - **Expected purchases**: E[purchase occasions in the next `horizon` time units | x, tₓ, T].
/// - **Expected next purchase day**: the calibration end plus the median wait to the next purchase of a
///   customer who is active (`RepeatPurchaseModel.medianTimeToNextPurchase`), as a fractional day number.
///   Read it together with the probability alive: it answers "when, if they are still a customer".
/// - **Expected average value** (with a spend model): the Gamma-Gamma conditional mean transaction value.
/// - **Lifetime value** (with a spend model): lifetimes' `customer_lifetime_value`, a monthly discounted
///   sum over months k = 1…K of expected average value × (E[purchases in k months] − E[purchases in k − 1
///   months]) / (1 + d)ᵏ, in major units.
///
/// Every quantity depends only on (x, tₓ, T) (and m̄ linearly), so it is computed once per distinct history.
public struct CLVForecast: Sendable {
    /// P(active) per customer.
    public let probabilityAlive: [Double]
    /// Expected purchase occasions over the horizon per customer.
    public let expectedPurchases: [Double]
    /// Expected next purchase day (fractional day number) per customer; see the type's description.
    public let expectedNextPurchaseDay: [Double]
    /// Conditional expected transaction value per customer in major units (empty without a spend model).
    public let expectedAverageValue: [Double]
    /// Discounted expected purchases over the CLV months per customer (the CLV per unit of value).
    public let discountedPurchases: [Double]
    /// Predicted CLV per customer in major units (empty without a spend model).
    public let lifetimeValue: [Double]

    /// Σ expected purchases: the prediction to compare with the holdout's actual purchase occasions.
    public var totalExpectedPurchases: Double { expectedPurchases.reduce(0, +) }

    /// Predicts for every customer in `summary` with a fitted purchase model and, for values, a spend model.
    public init(
        summary: CLVSummary, model: some RepeatPurchaseModel, spend: GammaGammaModel? = nil, options: CLVForecastOptions
    ) {
        let groups = PurchaseHistoryGroups(frequency: summary.frequency, recency: summary.recency, age: summary.age)
        let month = options.unitsPerMonth ?? summary.options.timeUnit.unitsPerMonth
        let daysPerUnit = Double(summary.options.timeUnit.days)
        let calibrationEnd = Double(summary.options.calibrationEnd)
        var alive = [Double](repeating: 0, count: groups.count)
        var purchases = [Double](repeating: 0, count: groups.count)
        var nextDay = [Double](repeating: 0, count: groups.count)
        var discounted = [Double](repeating: 0, count: groups.count)
        for g in 0..<groups.count {
            let x = Int(groups.frequency[g])
            let tx = groups.recency[g]
            let T = groups.age[g]
            alive[g] = model.probabilityAlive(frequency: x, recency: tx, age: T)
            purchases[g] = model.expectedPurchases(over: options.horizon, frequency: x, recency: tx, age: T)
            nextDay[g] =
                calibrationEnd + daysPerUnit * model.medianTimeToNextPurchase(frequency: x, recency: tx, age: T)
            var previous = 0.0
            var factor = 1.0
            var sum = 0.0
            for k in 0..<max(0, options.months) {
                factor /= 1 + options.monthlyDiscountRate
                let cumulative = model.expectedPurchases(over: Double(k + 1) * month, frequency: x, recency: tx, age: T)
                sum += (cumulative - previous) * factor
                previous = cumulative
            }
            discounted[g] = sum
        }
        let map = groups.groupOfCustomer.map(Int.init)
        probabilityAlive = map.map { alive[$0] }
        expectedPurchases = map.map { purchases[$0] }
        expectedNextPurchaseDay = map.map { nextDay[$0] }
        let perCustomerDiscounted = map.map { discounted[$0] }
        discountedPurchases = perCustomerDiscounted
        if let spend {
            let values = summary.frequency.indices.map {
                spend.expectedAverageValue(frequency: summary.frequency[$0], meanValue: summary.monetaryValue[$0])
            }
            expectedAverageValue = values
            lifetimeValue = values.indices.map { values[$0] * perCustomerDiscounted[$0] }
        } else {
            expectedAverageValue = []
            lifetimeValue = []
        }
    }
}
