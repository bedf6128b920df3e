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
        self.init(
            summary: summary,
            groups: PurchaseHistoryGroups(frequency: summary.frequency, recency: summary.recency, age: summary.age),
            model: model, spend: spend, options: options)
    }

    /// Predicts with the summary's histories already grouped (as the purchase model's fit grouped them:
    /// grouping sorts every customer, so it is done once per report). `parts`: threads for the groups (one
    /// per core from 20,000 groups on when `nil`); the figures are the same for any number.
    init(
        summary: CLVSummary, groups: PurchaseHistoryGroups, model: some RepeatPurchaseModel, spend: GammaGammaModel?,
        options: CLVForecastOptions, parts requested: Int? = nil
    ) {
        let month = options.unitsPerMonth ?? summary.options.timeUnit.unitsPerMonth
        let daysPerUnit = Double(summary.options.timeUnit.days)
        let calibrationEnd = Double(summary.options.calibrationEnd)
        let figures = SharedBuffer(repeating: GroupFigures(), count: groups.count)
        // Each group's figures depend on its history alone: consecutive ranges of groups on every core give
        // the same numbers as one pass (each part keeps its own cache of the (x, T) shares, which are the
        // same whoever computes them).
        let parts = max(1, requested ?? ThreadedWork.parts(for: groups.count, minimum: 20_000))
        let bounds = (0...parts).map { groups.count * $0 / parts }
        ThreadedWork.run(parts: parts) { part in
            // BG/NBD's expectations share their costly part (the hypergeometric function) between histories
            // with the same x and T; computed once per (x, T), with the same arithmetic as
            // `expectedPurchases`.
            var shares = BGNBDShares(
                model: model as? BGNBDModel, horizon: options.horizon, month: month, months: options.months)
            let out = figures.elements
            for g in bounds[part]..<bounds[part + 1] {
                out[g] = Self.figures(
                    x: groups.frequency[g], tx: groups.recency[g], T: groups.age[g], model: model, shares: &shares,
                    options: options, month: month, daysPerUnit: daysPerUnit, calibrationEnd: calibrationEnd)
            }
        }
        let all = figures.elements
        let alive = all.map(\.alive)
        let purchases = all.map(\.purchases)
        let nextDay = all.map(\.nextDay)
        let discounted = all.map(\.discounted)
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

extension CLVForecast {
    /// One group's figures: P(alive), expected purchases over the horizon, next purchase day, discounted
    /// purchases over the CLV months.
    fileprivate static func figures(
        x xValue: Double, tx: Double, T: Double, model: some RepeatPurchaseModel, shares: inout BGNBDShares,
        options: CLVForecastOptions, month: Double, daysPerUnit: Double, calibrationEnd: Double
    ) -> GroupFigures {
        let x = Int(xValue)
        var figures = GroupFigures()
        let cached = shares.shares(x: xValue, T: T)
        // The odds of having dropped out depend on (x, tₓ, T) only: computed once for P(alive) and the
        // group's 1 + K expectations (the value `probabilityAlive` and `expectedPurchases(share:…)` compute).
        let bgnbd = cached == nil ? nil : shares.model
        let deadOdds = bgnbd?.deadOdds(x: xValue, tx: tx, T: T) ?? 0
        figures.alive =
            bgnbd == nil ? model.probabilityAlive(frequency: x, recency: tx, age: T) : 1 / (1 + deadOdds)
        func expected(over t: Double, step: Int) -> Double {
            guard let cached, let bgnbd, t > 0 else {
                return model.expectedPurchases(over: t, frequency: x, recency: tx, age: T)
            }
            return bgnbd.expectedPurchases(share: cached[step], x: xValue, deadOdds: deadOdds)
        }
        figures.purchases = expected(over: options.horizon, step: 0)
        figures.nextDay = calibrationEnd + daysPerUnit * model.medianTimeToNextPurchase(frequency: x, recency: tx, age: T)
        var previous = 0.0
        var factor = 1.0
        var sum = 0.0
        for k in 0..<max(0, options.months) {
            factor /= 1 + options.monthlyDiscountRate
            let cumulative = expected(over: Double(k + 1) * month, step: k + 1)
            sum += (cumulative - previous) * factor
            previous = cumulative
        }
        figures.discounted = sum
        return figures
    }
}

/// The figures of one purchase history (`CLVForecast.figures`).
private struct GroupFigures {
    var alive = 0.0
    var purchases = 0.0
    var nextDay = 0.0
    var discounted = 0.0
}

/// BG/NBD's tₓ-free parts of the expected purchases over the horizon and over 1…K months, per (x, T).
private struct BGNBDShares {
    /// The model, when it is BG/NBD with a ≠ 1 (else nothing is cached).
    let model: BGNBDModel?
    let times: [Double]
    private var index: [Key: Int] = [:]
    private var values: [[Double]] = []

    private struct Key: Hashable {
        let x: Double
        let T: Double
    }

    init(model: BGNBDModel?, horizon: Double, month: Double, months: Int) {
        self.model = model.flatMap { abs($0.a - 1) >= 1e-6 ? $0 : nil }
        times = [horizon] + (0..<max(0, months)).map { Double($0 + 1) * month }
    }

    /// The shares for (x, T), in `times`' order; `nil` without a cacheable model.
    mutating func shares(x: Double, T: Double) -> [Double]? {
        guard let model else { return nil }
        let key = Key(x: x, T: T)
        if let i = index[key] { return values[i] }
        let computed = times.map { $0 > 0 ? model.expectedShare(over: $0, x: x, T: T) : 0 }
        index[key] = values.count
        values.append(computed)
        return computed
    }
}
