/// At most `maxPoints` points for one action per `period` (e.g. 200 review points per calendar month).
public struct ActionCap: Hashable, Sendable, Codable {
    /// The most points the action may award in one period.
    public var maxPoints: Int64
    /// The period the cap counts over.
    public var period: CapPeriod

    enum CodingKeys: String, CodingKey {
        case maxPoints = "max_points"
        case period
    }

    /// A cap of `maxPoints` per `period`.
    public init(maxPoints: Int64, period: CapPeriod) {
        self.maxPoints = maxPoints
        self.period = period
    }
}
