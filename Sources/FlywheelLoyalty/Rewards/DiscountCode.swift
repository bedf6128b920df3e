public import Foundation

/// A discount code issued for one redemption of a reward.
public struct DiscountCode: Hashable, Sendable, Codable {
    /// The code the customer types, unique among all issued codes.
    public let code: String
    /// The catalogue reward it was issued for.
    public let rewardID: String
    /// The customer who redeemed it.
    public let customer: String
    /// The redemption key (the ledger's `redemption` source key); one code per key.
    public let redemptionKey: String
    /// Points the redemption cost.
    public let points: Int64
    /// When it was issued.
    public let issuedAt: Date
    /// When it stops being usable; `nil` for never.
    public let expiresAt: Date?
    /// Issued, used or expired.
    public internal(set) var status: CodeStatus

    /// The ledger source event of the redemption that paid for the code.
    public var redemption: SourceEvent { SourceEvent(.redemption, key: redemptionKey) }
}
