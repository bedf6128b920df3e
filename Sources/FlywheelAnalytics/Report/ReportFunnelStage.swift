/// One stage of the funnel.
public struct ReportFunnelStage: Hashable, Codable, Sendable {
    public var stage: FunnelStageName
    public var customers: Int
    /// customers ÷ the stage before (`nil` for the first stage).
    public var conversionFromPrevious: Double?
    /// customers ÷ first-time buyers.
    public var shareOfFirstTime: Double?

    init(_ stage: FunnelStage) {
        self.stage = stage.stage
        customers = stage.customers
        conversionFromPrevious = stage.conversionFromPrevious
        shareOfFirstTime = stage.shareOfFirstTime
    }
}

extension ReportFunnelStage {
    /// Encodes every key, a missing figure as `null`, so the JSON report's keys are the same whatever the
    /// data.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stage, forKey: .stage)
        try container.encode(customers, forKey: .customers)
        try container.encode(conversionFromPrevious, forKey: .conversionFromPrevious)
        try container.encode(shareOfFirstTime, forKey: .shareOfFirstTime)
    }
}
