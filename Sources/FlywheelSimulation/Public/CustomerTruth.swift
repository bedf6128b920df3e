public import Foundation

/// What the generating process drew for one customer: the hidden quantities analytics try to estimate.
public struct CustomerTruth: Sendable, Hashable {
    /// The customer's external id, e.g. `C0000042`.
    public var externalID: String
    /// Which segment's parameters the customer's λ, p and ν were drawn from.
    public var segment: CustomerSegment
    /// The acquisition channel (the first order's channel).
    public var acquisitionChannel: String
    /// The first order's time: the start of the customer's BG/NBD clock.
    public var acquiredAt: Date
    /// λ: purchases per week while alive.
    public var purchaseRatePerWeek: Double
    /// p: the probability of dropping out after each repeat purchase.
    public var dropoutProbability: Double
    /// ν: the Gamma-Gamma spend rate (the segment's `spend.p / spendRate` is the mean order value).
    public var spendRate: Double
    /// The customer's true mean order value in euros before discounts (p/ν).
    public var meanOrderValue: Double
    /// Whether the customer has not dropped out by the end of the last day.
    public var isAlive: Bool
    /// Purchases after the first one (cancelled orders not counted).
    public var repeatPurchases: Int
    /// The last purchase's time.
    public var lastPurchaseAt: Date

    /// Creates a customer's truth.
    public init(
        externalID: String, segment: CustomerSegment, acquisitionChannel: String, acquiredAt: Date,
        purchaseRatePerWeek: Double, dropoutProbability: Double, spendRate: Double, meanOrderValue: Double,
        isAlive: Bool, repeatPurchases: Int, lastPurchaseAt: Date
    ) {
        self.externalID = externalID
        self.segment = segment
        self.acquisitionChannel = acquisitionChannel
        self.acquiredAt = acquiredAt
        self.purchaseRatePerWeek = purchaseRatePerWeek
        self.dropoutProbability = dropoutProbability
        self.spendRate = spendRate
        self.meanOrderValue = meanOrderValue
        self.isAlive = isAlive
        self.repeatPurchases = repeatPurchases
        self.lastPurchaseAt = lastPurchaseAt
    }
}
