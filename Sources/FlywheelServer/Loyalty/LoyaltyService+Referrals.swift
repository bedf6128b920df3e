import FlywheelCore
public import FlywheelLoyalty
public import Foundation
import Synchronization

/// Referral sign-up attribution and settlement (docs/loyalty.md, "Referrals in the server").
///
/// Everything is kept in the ledgers, as sources (append-only, exactly once by the schema's key, exported with
/// the ledger): the friend's `referral`/`signup` (no points; `reference` = the referrer, `at` = the sign-up),
/// then at settlement the referrer's `referral`/`<friend>:referrer` and the friend's `referral`/`<friend>:friend`
/// lots, and the friend's `referral`/`settled` (`reference` = `rewarded` or `rejected:<reason>`). A friend is
/// referred once: the first sign-up stands.
extension LoyaltyService {
    /// What attributing a sign-up did.
    public enum ReferralAttribution: Sendable, Equatable {
        /// Linked to `referrer`; both are rewarded once the friend's first order is past its return window.
        case signedUp(referrer: String)
        /// The friend was referred before (by `referrer`); the first sign-up stands.
        case alreadyReferred(referrer: String)
        /// Linked but refused by the fraud checks (self-referral by customer, e-mail, address or payment).
        case rejected(referrer: String, reason: Referral.Rejection)
        /// The friend ordered before the sign-up: not a new customer.
        case existingCustomer
        /// No customer has this code (or the programme has no referrals).
        case unknownCode
    }

    static let referralKind = SourceEvent.Kind.referral.rawValue
    static let signupKey = "signup"
    static let settledKey = "settled"

    /// Links `friend` to the customer whose referral code is `code` — a personal code (`referralCode(of:)`) or
    /// one a switch from another provider brought in — as of `at`, with the engine's fraud checks
    /// (`ReferralBook.friendSignedUp`): the friend's identity (e-mail from the customer record unless given,
    /// address and payment fingerprints when the shop passes them) against the referrer's.
    public func attributeReferral(
        friend: String, code: String, identity: ReferralIdentity = ReferralIdentity(),
        referrerIdentity: ReferralIdentity = ReferralIdentity(), at: Date
    ) async throws -> ReferralAttribution {
        guard let terms = programme.referral, let referrer = try await referrer(ofCode: code) else { return .unknownCode }
        if try await store.orders(customerExternalID: friend).contains(where: { $0.placedAt < at && $0.cancelledAt == nil }) {
            return .existingCustomer
        }
        var friendEmail = identity.email
        if friendEmail == nil { friendEmail = try await store.customer(externalID: friend)?.email }
        var referrerEmail = referrerIdentity.email
        if referrerEmail == nil { referrerEmail = try await store.customer(externalID: referrer)?.email }
        var book = ReferralBook(terms: terms)
        book.register(
            customer: referrer, code: code,
            identity: ReferralIdentity(
                email: referrerEmail, address: referrerIdentity.address,
                paymentFingerprint: referrerIdentity.paymentFingerprint))
        let decided = book.friendSignedUp(
            friend: friend,
            identity: ReferralIdentity(
                email: friendEmail, address: identity.address, paymentFingerprint: identity.paymentFingerprint),
            code: code, at: at)
        var rejection: Referral.Rejection?
        if case .rejected(let reason, _) = decided?.status { rejection = reason }
        return try await store.withLedger(customer: friend) { [rejection] records in
            if let existing = records.sources.first(where: { $0.kind == Self.referralKind && $0.key == Self.signupKey }) {
                return .alreadyReferred(referrer: existing.reference ?? "")
            }
            try records.append(
                LedgerSourceRecord(
                    customer: friend, sequence: records.sources.count, kind: Self.referralKind, key: Self.signupKey,
                    at: at, reference: referrer))
            guard let rejection else { return .signedUp(referrer: referrer) }
            try records.append(
                LedgerSourceRecord(
                    customer: friend, sequence: records.sources.count, kind: Self.referralKind, key: Self.settledKey,
                    at: at, reference: "rejected:\(rejection.rawValue)"))
            return .rejected(referrer: referrer, reason: rejection)
        }
    }

    /// The friend's referral as stored: the referrer and how it was settled (`rewarded`, `rejected:<reason>`;
    /// nil while waiting).
    public func referral(of friend: String) async throws -> (referrer: String, settled: String?)? {
        try await store.withLedger(customer: friend) { records in
            guard
                let signup = records.sources.first(where: { $0.kind == Self.referralKind && $0.key == Self.signupKey }),
                let referrer = signup.reference
            else { return nil }
            let settled = records.sources.first { $0.kind == Self.referralKind && $0.key == Self.settledKey }
            return (referrer, settled?.reference)
        }
    }

    /// The customer a referral code belongs to: an imported member's code (the store's index), else a personal
    /// code with the programme's prefix. Personal codes are derived (a keyed hash, not reversible), so the
    /// service keeps a code → customer table, filled from the customer listing on a miss (one paged pass).
    func referrer(ofCode code: String) async throws -> String? {
        if let member = try await store.importedMember(referralCode: code) { return member.customer }
        guard let terms = programme.referral, code.hasPrefix(terms.codePrefix) else { return nil }
        if let known = referralCodes.customer(of: code) { return known }
        var after: String?
        repeat {
            let page = try await store.customers(CustomerQuery(after: after, limit: 1_000))
            referralCodes.add(page.items.compactMap { customer in referralCode(of: customer.externalID).map { ($0, customer.externalID) } })
            after = page.nextAfter
        } while after != nil
        return referralCodes.customer(of: code)
    }

    /// Forgets an erased customer's personal referral code: the code → customer table drops it, so the code is
    /// unknown from the erasure on (the erased id no longer lists, so a later miss does not bring it back; the
    /// pseudonym has a code of its own). Called by the erasure route after the store's erasure.
    public func forgetErasedCustomer(_ customer: String) {
        referralCodes.remove(customer: customer)
    }

    /// A friend's first order carrying a referral code as a discount code (Shopify: the code the referral link
    /// applies at checkout) signs the friend up as of the order. Only for orders with discount codes.
    func attributeFromDiscounts(_ order: Order) async throws {
        guard programme.referral != nil, let friend = order.customerExternalID, !order.discounts.isEmpty else { return }
        for code in order.discounts.map(\.code) {
            switch try await attributeReferral(friend: friend, code: code, at: order.placedAt) {
            case .unknownCode: continue
            default: return
            }
        }
    }

    /// Settles every referral whose friend's first order (at or after the sign-up, not cancelled) is past its
    /// return window by `now`: rejected when that order is below the terms' minimum or was refunded within the
    /// window, or when the referrer already has `max_referrals` rewarded in the limit period containing the
    /// window's end; else the referrer's and the friend's points (lots dated at the window's end, with the
    /// programme's lot expiry). Two shop-wide reads find the open referrals; crash-safe and idempotent (the
    /// referrer's reward is written first and found again; the friend's reward and the `settled` marker go
    /// together). Returns how many referrals were settled.
    func settleReferrals(now: Date) async throws -> Int {
        guard let terms = programme.referral else { return 0 }
        let signups = try await store.ledgerSources(kind: Self.referralKind, key: Self.signupKey)
        guard !signups.isEmpty else { return 0 }
        let settled = Set(try await store.ledgerSources(kind: Self.referralKind, key: Self.settledKey).map(\.customer))
        let window = Double(programme.returnWindowDays ?? 0) * 86_400
        var count = 0
        for signup in signups where !settled.contains(signup.customer) {
            guard let referrer = signup.reference else { continue }
            let friend = signup.customer
            let orders = try await store.orders(customerExternalID: friend)
                .filter { $0.placedAt >= signup.at && $0.cancelledAt == nil }
                .sorted { ($0.placedAt, $0.externalID) < ($1.placedAt, $1.externalID) }
            guard let first = orders.first else { continue }
            let end = first.placedAt.addingTimeInterval(window)
            guard end <= now else { continue }
            var outcome = "rewarded"
            if first.totalMinor < terms.minimumOrderMinor {
                outcome = "rejected:\(Referral.Rejection.belowMinimum.rawValue)"
            } else if try await store.refunds(orderExternalID: first.externalID).contains(where: { $0.createdAt <= end }) {
                outcome = "rejected:\(Referral.Rejection.refundedOrder.rawValue)"
            } else if !(try await rewardReferrer(referrer, friend: friend, at: end, terms: terms)) {
                outcome = "rejected:\(Referral.Rejection.limitReached.rawValue)"
            }
            let expiresAt = lotExpiry(earnedAt: end)
            let settledNow = try await store.withLedger(customer: friend) { [outcome] records in
                guard !records.sources.contains(where: { $0.kind == Self.referralKind && $0.key == Self.settledKey }) else {
                    return false
                }
                var ledger = try PointsLedger(restoring: records)
                if outcome == "rewarded", terms.friendPoints > 0 {
                    _ = ledger.earn(
                        customer: friend, points: terms.friendPoints, source: SourceEvent(.referral, key: "\(friend):friend"),
                        reason: "referred by a friend", at: end, expiresAt: expiresAt)
                }
                try ledger.append(to: &records)
                try records.append(
                    LedgerSourceRecord(
                        customer: friend, sequence: records.sources.count, kind: Self.referralKind, key: Self.settledKey,
                        at: end, reference: outcome))
                return true
            }
            if settledNow { count += 1 }
        }
        return count
    }

    /// Rewards the referrer for `friend` at `at` unless the limit per period is reached (`false` then); a reward
    /// already written (an earlier run that stopped before the friend's side) counts as done.
    private func rewardReferrer(_ referrer: String, friend: String, at: Date, terms: ReferralTerms) async throws -> Bool {
        let calendar = calendar
        let expiresAt = lotExpiry(earnedAt: at)
        return try await store.withPointsLedger(customer: referrer) { ledger in
            let source = SourceEvent(.referral, key: "\(friend):referrer")
            if ledger.hasApplied(source) { return true }
            let interval = terms.limitPeriod.interval(containing: at, in: calendar)
            let rewarded = ledger.lots.count {
                $0.source.kind == .referral && $0.source.key.hasSuffix(":referrer") && (interval?.contains($0.earnedAt) ?? true)
            }
            guard rewarded < terms.maxReferrals else { return false }
            if terms.referrerPoints > 0 {
                _ = ledger.earn(
                    customer: referrer, points: terms.referrerPoints, source: source, reason: "referral of a friend",
                    at: at, expiresAt: expiresAt)
            }
            return true
        }
    }
}

extension LoyaltyService {
    /// Personal referral codes → customers, filled as `referrer(ofCode:)` meets customers.
    final class ReferralCodeTable: Sendable {
        private let table = Mutex<[String: String]>([:])

        func customer(of code: String) -> String? { table.withLock { $0[code] } }

        func add(_ pairs: [(String, String)]) {
            table.withLock { table in for (code, customer) in pairs { table[code] = customer } }
        }

        /// Drops every code of `customer` (an erased customer's code must stop working at once).
        func remove(customer: String) {
            table.withLock { table in table = table.filter { $0.value != customer } }
        }
    }
}
