/// One stage of the funnel: how many customers reached it, and the conversion from the stage before.
public struct FunnelStage: Hashable, Codable, Sendable {
    public var stage: FunnelStageName
    public var customers: Int
    /// customers ÷ the previous stage's customers (`nil` for the first stage or an empty previous stage).
    public var conversionFromPrevious: Double?
    /// customers ÷ first-time buyers.
    public var shareOfFirstTime: Double?
}
