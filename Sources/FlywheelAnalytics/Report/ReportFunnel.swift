/// The retention funnel: first-time → repeat → loyal → advocate, with advocacy beside it.
public struct ReportFunnel: Hashable, Codable, Sendable {
    /// The four stages, in order.
    public var stages: [ReportFunnelStage]
    /// Purchase occasions that make a customer loyal.
    public var loyalPurchases: Int
    /// Buyers whose latest NPS is 9–10, and buyers who wrote a review.
    public var promoters: Int
    public var reviewers: Int
    /// Buyers who referred someone; `nil` while referrals are not tracked.
    public var referrers: Int?

    init(_ funnel: FunnelReport) {
        stages = funnel.stages.map(ReportFunnelStage.init)
        loyalPurchases = funnel.loyalPurchases
        promoters = funnel.promoters
        reviewers = funnel.reviewers
        referrers = funnel.referrers
    }
}

extension ReportFunnel {
    /// Encodes every key, a missing figure as `null`, so the JSON report's keys are the same whatever the
    /// data.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stages, forKey: .stages)
        try container.encode(loyalPurchases, forKey: .loyalPurchases)
        try container.encode(promoters, forKey: .promoters)
        try container.encode(reviewers, forKey: .reviewers)
        try container.encode(referrers, forKey: .referrers)
    }
}
