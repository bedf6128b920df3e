/// A model of a customer's repeat purchases in continuous time with unobserved drop-out (BG/NBD,
/// Pareto/NBD), evaluated on a purchase history: x repeat purchases, the last at tₓ, observed for T time
/// units since the first purchase (all in the model's time unit).
public protocol RepeatPurchaseModel: Sendable {
    /// The model's name in reports, e.g. `BG/NBD`.
    var name: String { get }

    /// P(the customer is still active at T | x, tₓ, T).
    func probabilityAlive(frequency: Int, recency: Double, age: Double) -> Double

    /// E[number of purchases in (T, T + horizon] | x, tₓ, T]: the conditional expectation.
    func expectedPurchases(over horizon: Double, frequency: Int, recency: Double, age: Double) -> Double

    /// E[number of repeat purchases in (0, horizon]] for a customer just acquired.
    func expectedPurchases(newCustomerOver horizon: Double) -> Double

    /// The median time from T to the next purchase of a customer who is active (and stays so until then):
    /// the purchase rate's posterior is Gamma(r + x, α + T), so the wait is Lomax and its median is
    /// (α + T)(2^(1/(r+x)) − 1). Its mean, (α + T)/(r + x − 1), is infinite when r + x ≤ 1.
    func medianTimeToNextPurchase(frequency: Int, recency: Double, age: Double) -> Double

    /// The log-likelihood of one history.
    func logLikelihood(frequency: Int, recency: Double, age: Double) -> Double
}

extension RepeatPurchaseModel {
    /// The summed log-likelihood of many histories.
    public func logLikelihood(frequency: [Int], recency: [Double], age: [Double]) -> Double {
        var total = 0.0
        for i in frequency.indices {
            total += logLikelihood(frequency: frequency[i], recency: recency[i], age: age[i])
        }
        return total
    }
}
