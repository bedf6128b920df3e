public import FlywheelCore
public import Foundation

/// One thing that happened at the shop, as `ProgrammeReplay` takes it: FlywheelCore's records plus the
/// loyalty-only events (redemptions, actions, membership fees). Events are replayed in time order.
public enum ReplayEvent: Sendable {
    /// A customer became known (birthday, sign-up time); optional — orders make customers known too.
    case customer(Customer)
    /// An order.
    case order(Order)
    /// A refund of an order.
    case refund(Refund)
    /// The customer redeemed a reward; `key` identifies the redemption (exactly once).
    case redeem(customer: String, rewardID: String, key: String, at: Date)
    /// The customer did an action that earns fixed points; `key` identifies it (exactly once).
    case action(customer: String, action: EarningAction, key: String, at: Date)
    /// The customer paid the membership fee.
    case membershipFee(customer: String, at: Date)
    /// `friend` signed up with a referral `code` (a code `ProgrammeReplay.referralCode(of:)` gave out).
    case referral(friend: String, code: String, identity: ReferralIdentity, at: Date)
    /// The customer joined a segment (for personalised offers: challenges with that segment).
    case segment(customer: String, segment: String, at: Date)
    /// The customer was granted tier `tier` (an id) at `at`, kept at least until `until` (`nil`: no end): a
    /// member switching in from another provider (`TierEvent.grant`).
    case tierGrant(customer: String, tier: String, at: Date, until: Date?)

    /// When it happened.
    public var at: Date {
        switch self {
        case .customer(let customer): customer.createdAt ?? .distantPast
        case .order(let order): order.placedAt
        case .refund(let refund): refund.createdAt
        case .redeem(_, _, _, let at), .action(_, _, _, let at), .membershipFee(_, let at), .segment(_, _, let at),
            .referral(_, _, _, let at), .tierGrant(_, _, let at, _):
            at
        }
    }
}
