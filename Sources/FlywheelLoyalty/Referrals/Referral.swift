public import Foundation

/// One friend referred by one referrer, and where the referral stands.
public struct Referral: Hashable, Sendable, Codable {
    /// Why a referral earns nothing. Recorded with the referral so the shop can see it.
    public enum Rejection: String, Hashable, Sendable, Codable {
        /// The friend is the referrer.
        case sameCustomer = "same_customer"
        /// The friend's e-mail is the referrer's (after normalising).
        case sameEmail = "same_email"
        /// The friend ships to the referrer's address.
        case sameAddress = "same_address"
        /// The friend pays with the referrer's payment method.
        case samePayment = "same_payment"
        /// The friend was referred before.
        case alreadyReferred = "already_referred"
        /// The friend's first order was refunded (in part or in full) within its return window.
        case refundedOrder = "refunded_order"
        /// The first order is below the terms' minimum.
        case belowMinimum = "below_minimum"
        /// The referrer reached the most referrals per period.
        case limitReached = "limit_reached"
    }

    /// Where the referral stands.
    public enum Status: Hashable, Sendable, Codable {
        /// The friend signed up and has not ordered yet.
        case awaitingOrder
        /// The friend's first order waits for its return window to close at `until`.
        case awaitingReturnWindow(order: String, until: Date)
        /// Both were rewarded at `at`.
        case rewarded(at: Date)
        /// No reward, for `reason`, decided at `at`.
        case rejected(reason: Rejection, at: Date)
    }

    /// The referrer.
    public let referrer: String
    /// The friend.
    public let friend: String
    /// The code the friend used.
    public let code: String
    /// When the friend signed up with the code.
    public let signedUpAt: Date
    /// Where it stands.
    public internal(set) var status: Status
}
