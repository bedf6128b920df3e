import FlywheelCore
public import FlywheelLoyalty
public import Foundation

/// What a customer's loyalty account shows: points, tier and progress, what expires next, issued codes.
/// Computed on read from the stored ledger and orders (`LoyaltyService.account`).
public struct LoyaltyAccount: Sendable {
    /// A discount code issued by a redemption.
    public struct IssuedCode: Sendable, Hashable {
        /// `issued`, `used` (an order carried it), `expired` (past its end) or `handed_back`.
        public enum Status: String, Sendable { case issued, used, expired, handedBack = "handed_back" }
        public var code: String
        public var rewardID: String
        public var points: Int64
        public var issuedAt: Date
        public var expiresAt: Date?
        public var minimumOrderMinor: Int64?
        public var status: Status
    }

    public var customer: String
    /// Points in the available account.
    public var available: Int64
    /// Points of orders in their return window.
    public var pending: Int64
    /// Points redeemable now (available minus lots past expiry the expiry run has not moved yet).
    public var spendable: Int64
    /// The current tier; `nil` without tiers or below the first.
    public var tier: Tier?
    /// Progress to the next tier; `nil` without tiers.
    public var progress: TierProgress?
    /// The earliest expiry date among spendable lots and the points expiring then.
    public var expiringNext: (points: Int64, at: Date)?
    /// Codes issued by redemptions, newest first.
    public var codes: [IssuedCode]
}
