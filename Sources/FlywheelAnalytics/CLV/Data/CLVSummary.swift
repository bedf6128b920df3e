/// Per-customer purchase histories for the CLV models, in columns (index i is one customer), as Python
/// lifetimes' `calibration_and_holdout_data` makes them:
/// - a **purchase occasion** is a day with at least one transaction: several transactions of one customer
///   on one day count once, their values summed;
/// - **frequency** x: repeat occasions in the calibration period (occasions after the first);
/// - **recency** tₓ: time from the first to the last occasion in the calibration period (0 when x = 0);
/// - **age** T: time from the first occasion to the calibration end;
/// - **monetary value** m̄: mean value of the repeat occasions, in major units (0 when x = 0);
/// - holdout: occasions in (calibration end, observation end] and their mean value.
/// Times are in the options' unit at day precision (day differences divided by 7 for weeks). Only
/// customers whose first transaction falls in the calibration period are included; `customer` maps rows
/// back to the log's customer indices.
public struct CLVSummary: Sendable {
    /// The options the summary was built with.
    public let options: CLVSummaryOptions
    /// The transaction log's customer index of each row.
    public internal(set) var customer: [Int] = []
    /// x: repeat purchase occasions in the calibration period.
    public internal(set) var frequency: [Int] = []
    /// tₓ, in the time unit.
    public internal(set) var recency: [Double] = []
    /// T, in the time unit.
    public internal(set) var age: [Double] = []
    /// m̄: mean value of the repeat occasions in major units; 0 when x = 0.
    public internal(set) var monetaryValue: [Double] = []
    /// Day number of the first purchase.
    public internal(set) var firstPurchaseDay: [Int] = []
    /// Day number of the last purchase in the calibration period.
    public internal(set) var lastPurchaseDay: [Int] = []
    /// Purchase occasions in the holdout period (empty without a holdout).
    public internal(set) var holdoutFrequency: [Int] = []
    /// Mean value of the holdout occasions in major units, 0 without any (empty without a holdout).
    public internal(set) var holdoutMonetaryValue: [Double] = []

    /// Customers in the summary.
    public var count: Int { customer.count }

    /// Length of the holdout period in the time unit, `nil` without a holdout.
    public var holdoutDuration: Double? {
        options.observationEnd.map { Double($0 - options.calibrationEnd) / Double(options.timeUnit.days) }
    }

    /// Repeat purchase occasions in the calibration period, over all customers.
    public var totalFrequency: Int { frequency.reduce(0, +) }
    /// Purchase occasions in the holdout period, over all customers.
    public var totalHoldoutFrequency: Int { holdoutFrequency.reduce(0, +) }

    init(options: CLVSummaryOptions) {
        self.options = options
    }
}
