/// The predictive CLV section: BG/NBD and Gamma-Gamma fitted on the whole history up to the report's
/// instant (calibration end = that day, time unit week), and what they predict for the report's
/// customers. Money in minor units of the report's currency (the models' major-unit values rounded).
public struct ReportCLV: Hashable, Codable, Sendable {
    /// Last day of the calibration period, `YYYY-MM-DD`.
    public var calibrationEnd: String
    /// The models' time unit (`week`).
    public var timeUnit: CLVTimeUnit
    /// Customers the models were fitted on, and of them those with a repeat purchase.
    public var fittedCustomers: Int
    public var repeatCustomers: Int
    /// BG/NBD parameters and fit.
    public var purchaseModel: BGNBDModel
    public var purchaseFit: CLVFitReport
    /// Gamma-Gamma parameters and fit.
    public var spendModel: GammaGammaModel
    public var spendFit: CLVFitReport
    /// Horizon of the expected purchases, in time units; months and monthly discount rate of the CLV.
    public var horizon: Double
    public var months: Int
    public var monthlyDiscountRate: Double
    /// Over the report's customers: how many, their expected purchases over the horizon, their mean
    /// probability of being alive, and their predicted CLV in total and per customer.
    public var customers: Int
    public var expectedPurchases: Double
    public var meanProbabilityAlive: Double?
    public var totalClvMinor: Int64
    public var averageClvMinor: Int64?
    /// The report's customers of highest predicted CLV, highest first.
    public var topCustomers: [ReportCLVCustomer]
}

extension ReportCLV {
    /// Encodes every key, a missing figure as `null`, so the JSON report's keys are the same whatever the
    /// data.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(calibrationEnd, forKey: .calibrationEnd)
        try container.encode(timeUnit, forKey: .timeUnit)
        try container.encode(fittedCustomers, forKey: .fittedCustomers)
        try container.encode(repeatCustomers, forKey: .repeatCustomers)
        try container.encode(purchaseModel, forKey: .purchaseModel)
        try container.encode(purchaseFit, forKey: .purchaseFit)
        try container.encode(spendModel, forKey: .spendModel)
        try container.encode(spendFit, forKey: .spendFit)
        try container.encode(horizon, forKey: .horizon)
        try container.encode(months, forKey: .months)
        try container.encode(monthlyDiscountRate, forKey: .monthlyDiscountRate)
        try container.encode(customers, forKey: .customers)
        try container.encode(expectedPurchases, forKey: .expectedPurchases)
        try container.encode(meanProbabilityAlive, forKey: .meanProbabilityAlive)
        try container.encode(totalClvMinor, forKey: .totalClvMinor)
        try container.encode(averageClvMinor, forKey: .averageClvMinor)
        try container.encode(topCustomers, forKey: .topCustomers)
    }
}
