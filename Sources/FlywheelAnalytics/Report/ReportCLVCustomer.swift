/// One customer's predicted outlook in the CLV section.
public struct ReportCLVCustomer: Hashable, Codable, Sendable {
    /// The shop's customer id.
    public var customer: String
    /// Repeat purchase occasions up to the calibration end (x).
    public var repeatPurchases: Int
    /// Net spend up to the report's instant, minor units.
    public var netSpentMinor: Int64
    public var probabilityAlive: Double
    /// Expected purchases over the horizon.
    public var expectedPurchases: Double
    /// Gamma-Gamma expected order value and predicted CLV, minor units.
    public var expectedAverageValueMinor: Int64
    public var clvMinor: Int64
}
