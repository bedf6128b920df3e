public import FlywheelCore
public import Foundation

/// Referral codes, the referrals made with them and their fraud checks. Rewards both sides once the
/// friend's first order is past its return window. A pure value; the caller passes times and the ledger.
public struct ReferralBook: Sendable {
    /// The terms.
    public var terms: ReferralTerms
    /// Every referral, in sign-up order.
    public private(set) var referrals: [Referral] = []
    private var referrerByCode: [String: String] = [:]
    private var codeByCustomer: [String: String] = [:]
    private var identities: [String: ReferralIdentity] = [:]
    private var indexByFriend: [String: Int] = [:]
    private var indexByOrder: [String: Int] = [:]
    /// Referrals waiting for their return window, so settling does not scan every referral.
    private var awaiting: [Int] = []
    /// When each referrer's referrals were rewarded, for the per-period limit.
    private var rewardedAt: [String: [Date]] = [:]

    /// A book for `terms`.
    public init(terms: ReferralTerms) { self.terms = terms }

    /// Gives `customer` the personal code `code` (from `ReferralCode`) and remembers their identity for the
    /// fraud checks. A customer keeps the first code registered.
    @discardableResult
    public mutating func register(customer: String, code: String, identity: ReferralIdentity) -> String {
        identities[customer] = identity
        if let existing = codeByCustomer[customer] { return existing }
        codeByCustomer[customer] = code
        referrerByCode[code] = customer
        return code
    }

    /// `customer`'s personal code, if registered.
    public func code(of customer: String) -> String? { codeByCustomer[customer] }

    /// The referral of `friend`, if any.
    public func referral(of friend: String) -> Referral? { indexByFriend[friend].map { referrals[$0] } }

    /// `friend` signed up with `code`. Returns the referral (rejected with the reason when a fraud check
    /// fails) or `nil` for an unknown code.
    public mutating func friendSignedUp(friend: String, identity: ReferralIdentity, code: String, at: Date)
        -> Referral?
    {
        guard let referrer = referrerByCode[code] else { return nil }
        if let index = indexByFriend[friend] {
            return Referral(
                referrer: referrer, friend: friend, code: code, signedUpAt: at,
                status: referrals[index].referrer == referrer
                    ? referrals[index].status : .rejected(reason: .alreadyReferred, at: at))
        }
        if identities[friend] == nil { identities[friend] = identity }
        var status = Referral.Status.awaitingOrder
        if let reason = selfReferral(referrer: referrer, friend: friend, identity: identity) {
            status = .rejected(reason: reason, at: at)
        }
        let referral = Referral(referrer: referrer, friend: friend, code: code, signedUpAt: at, status: status)
        indexByFriend[friend] = referrals.count
        referrals.append(referral)
        return referral
    }

    /// The friend placed an order: the first order starts the wait for its return window (`returnWindowDays`
    /// after `at`); later orders change nothing. A payment fingerprint on the order is checked too.
    public mutating func friendOrdered(
        friend: String, order: String, amountMinor: Int64, paymentFingerprint: String? = nil, at: Date,
        returnWindowDays: Int
    ) {
        guard let index = indexByFriend[friend], case .awaitingOrder = referrals[index].status else { return }
        if let fingerprint = paymentFingerprint,
            identities[referrals[index].referrer]?.paymentFingerprint
                == ReferralIdentity(paymentFingerprint: fingerprint).paymentFingerprint
        {
            referrals[index].status = .rejected(reason: .samePayment, at: at)
            return
        }
        guard amountMinor >= terms.minimumOrderMinor else {
            referrals[index].status = .rejected(reason: .belowMinimum, at: at)
            return
        }
        let until = at.addingTimeInterval(Double(max(0, returnWindowDays)) * 86_400)
        referrals[index].status = .awaitingReturnWindow(order: order, until: until)
        indexByOrder[order] = index
        awaiting.append(index)
    }

    /// A refund of `order` within its return window rejects the referral it started.
    public mutating func orderRefunded(order: String, at: Date) {
        guard let index = indexByOrder[order], case .awaitingReturnWindow = referrals[index].status else { return }
        referrals[index].status = .rejected(reason: .refundedOrder, at: at)
    }

    /// Rewards every referral whose return window closed by `at`, in sign-up order: `referrerPoints` to the
    /// referrer and `friendPoints` to the friend, unless the referrer already has `maxReferrals` rewarded
    /// referrals in the limit period (in `calendar`'s zone) containing the window's end.
    public mutating func settle(at: Date, calendar: ShopCalendar, ledger: inout PointsLedger) -> [ReferralReward] {
        var rewards: [ReferralReward] = []
        var stillWaiting: [Int] = []
        for index in awaiting.sorted() {
            guard case .awaitingReturnWindow(_, let until) = referrals[index].status else { continue }
            guard until <= at else {
                stillWaiting.append(index)
                continue
            }
            let referrer = referrals[index].referrer
            let friend = referrals[index].friend
            let interval = terms.limitPeriod.interval(containing: until, in: calendar)
            let rewarded = rewardedAt[referrer, default: []].count { interval?.contains($0) ?? true }
            guard rewarded < terms.maxReferrals else {
                referrals[index].status = .rejected(reason: .limitReached, at: until)
                continue
            }
            for (customer, points, side) in [
                (referrer, terms.referrerPoints, "referrer"), (friend, terms.friendPoints, "friend"),
            ]
            where points > 0 {
                let source = SourceEvent(.referral, key: "\(friend):\(side)")
                let outcome = ledger.earn(
                    customer: customer, points: points, source: source, reason: "referral of a friend", at: until)
                if case .applied = outcome {
                    rewards.append(ReferralReward(customer: customer, points: points, source: source))
                }
            }
            referrals[index].status = .rewarded(at: until)
            rewardedAt[referrer, default: []].append(until)
        }
        awaiting = stillWaiting
        return rewards
    }

    /// The earliest time a waiting referral's return window closes; `nil` when none waits.
    public var nextSettlement: Date? {
        awaiting.compactMap { index -> Date? in
            if case .awaitingReturnWindow(_, let until) = referrals[index].status { return until }
            return nil
        }.min()
    }

    private func selfReferral(referrer: String, friend: String, identity: ReferralIdentity) -> Referral.Rejection? {
        if referrer == friend { return .sameCustomer }
        guard let known = identities[referrer] else { return nil }
        if let email = identity.email, email == known.email { return .sameEmail }
        if let address = identity.address, address == known.address { return .sameAddress }
        if let payment = identity.paymentFingerprint, payment == known.paymentFingerprint { return .samePayment }
        return nil
    }
}
