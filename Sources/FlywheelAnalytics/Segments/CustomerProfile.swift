/// Everything the engine knows about one customer as of an instant: what segment rules test, and the
/// segments it is in. Money in minor units of the shop's currency; days are shop-local.
public struct CustomerProfile: Hashable, Codable, Sendable {
    public var customerID: String
    /// Purchases (orders that count) and purchase occasions (days with a purchase).
    public var orders: Int
    public var purchases: Int
    public var netSpentMinor: Int64
    public var averageOrderValueMinor: Int64?
    /// First and last purchase day, `YYYY-MM-DD`.
    public var firstPurchaseDay: String?
    public var lastPurchaseDay: String?
    public var daysSinceFirstPurchase: Int?
    public var daysSinceLastPurchase: Int?
    public var stage: LifecycleStage
    public var rfm: RFMScore?
    public var rfmSegment: RFMSegment?
    public var isVIP: Bool
    public var acquisitionChannel: String?
    public var acquiredWithDiscount: Bool?
    public var firstCategory: String?
    public var firstProduct: String?
    public var latestNPS: Int?
    public var reviews: Int
    /// Names of the saved segments the customer is in.
    public var savedSegments: [String]
}
