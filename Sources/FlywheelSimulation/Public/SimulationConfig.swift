public import FlywheelCore

/// What to simulate: how many customers, from which seed, up to which day.
public struct SimulationConfig: Sendable, Hashable {
    /// How many customers arrive over the two years before `endDate`.
    public var customers: Int
    /// The seed; the same configuration always gives byte-identical output.
    public var seed: UInt64
    /// Last day of the simulated history (fixed default, so output never depends on "now").
    public var endDate: CivilDate

    /// Creates a configuration.
    public init(customers: Int, seed: UInt64, endDate: CivilDate = SimulationConfig.defaultEndDate) {
        precondition(customers >= 0, "the number of customers must not be negative")
        self.customers = customers
        self.seed = seed
        self.endDate = endDate
    }

    /// 2026-10-31.
    public static let defaultEndDate = CivilDate(year: 2026, month: 10, day: 31)!

    /// The number of days customers arrive over: the two years up to and including `endDate`.
    public static let acquisitionDays = 730
}
