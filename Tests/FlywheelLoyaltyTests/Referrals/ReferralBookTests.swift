import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("Referrals: personal codes, rewards after the return window, fraud checks with reasons")
struct ReferralBookTests {
    typealias S = LedgerTestSupport
    static let berlin = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
    let terms = ReferralTerms(
        referrerPoints: 200, friendPoints: 100, minimumOrderMinor: 2_000, maxReferrals: 2, limitPeriod: .year)

    private func book() -> ReferralBook {
        var book = ReferralBook(terms: terms)
        book.register(
            customer: "anna", code: ReferralCode.derived(for: "anna", secret: "s3cret", prefix: "REF-"),
            identity: ReferralIdentity(
                email: "Anna.Berg+shop@Example.com", address: "Hauptstr. 1, 10115 Berlin",
                paymentFingerprint: "fp-anna"))
        return book
    }

    @Test("derived codes are stable per secret and customer, differ otherwise; random codes follow the generator")
    func codes() {
        let code = ReferralCode.derived(for: "anna", secret: "s3cret", prefix: "REF-")
        #expect(code.wholeMatch(of: /REF-[0-9A-HJKMNP-TV-Z]{8}/) != nil)
        #expect(code == ReferralCode.derived(for: "anna", secret: "s3cret", prefix: "REF-"))
        #expect(code != ReferralCode.derived(for: "anna", secret: "other", prefix: "REF-"))
        #expect(code != ReferralCode.derived(for: "ann", secret: "s3cret", prefix: "REF-"))
        #expect(
            ReferralCode.derived(for: "c", secret: "ab", prefix: "")
                != ReferralCode.derived(for: "bc", secret: "a", prefix: ""))
        var first = SplitMix64(seed: 9)
        var second = SplitMix64(seed: 9)
        #expect(ReferralCode.random(prefix: "R", using: &first) == ReferralCode.random(prefix: "R", using: &second))
    }

    @Test("both sides are rewarded once the friend's first order is past the return window, and only once")
    func rewardsAfterWindow() throws {
        var book = book()
        var ledger = PointsLedger()
        let code = try #require(book.code(of: "anna"))
        let referral = book.friendSignedUp(
            friend: "ben", identity: ReferralIdentity(email: "ben@example.com"), code: code, at: S.day(0))
        #expect(referral?.status == .awaitingOrder)
        book.friendOrdered(friend: "ben", order: "b1", amountMinor: 5_000, at: S.day(2), returnWindowDays: 14)
        book.friendOrdered(friend: "ben", order: "b2", amountMinor: 9_000, at: S.day(3), returnWindowDays: 14)
        #expect(book.settle(at: S.day(15), calendar: Self.berlin, ledger: &ledger).isEmpty)
        let rewards = book.settle(at: S.day(16), calendar: Self.berlin, ledger: &ledger)
        #expect(rewards.map(\.customer) == ["anna", "ben"])
        #expect(rewards.map(\.points) == [200, 100])
        #expect(book.referral(of: "ben")?.status == .rewarded(at: S.day(16)))
        #expect(book.settle(at: S.day(40), calendar: Self.berlin, ledger: &ledger).isEmpty)
        #expect(ledger.balance(of: .available(customer: "anna")) == 200)
        #expect(ledger.balance(of: .available(customer: "ben")) == 100)
    }

    @Test("self-referral by the same customer, e-mail (normalised), address or payment is rejected with the reason")
    func selfReferral() throws {
        var book = book()
        let code = try #require(book.code(of: "anna"))
        func status(_ friend: String, _ identity: ReferralIdentity) -> Referral.Status? {
            book.friendSignedUp(friend: friend, identity: identity, code: code, at: S.day(1))?.status
        }
        #expect(status("anna", ReferralIdentity()) == .rejected(reason: .sameCustomer, at: S.day(1)))
        #expect(
            status("a2", ReferralIdentity(email: "annaberg@example.com")) == .rejected(reason: .sameEmail, at: S.day(1))
        )
        #expect(
            status("a3", ReferralIdentity(address: "hauptstr. 1  10115 berlin"))
                == .rejected(reason: .sameAddress, at: S.day(1)))
        #expect(
            status("a4", ReferralIdentity(paymentFingerprint: "FP-ANNA"))
                == .rejected(reason: .samePayment, at: S.day(1)))
        #expect(status("ok", ReferralIdentity(email: "other@example.com")) == .awaitingOrder)
        #expect(book.friendSignedUp(friend: "x", identity: ReferralIdentity(), code: "REF-NOPE", at: S.day(1)) == nil)
        // A payment fingerprint seen on the first order counts too.
        book.friendOrdered(
            friend: "ok", order: "o1", amountMinor: 5_000, paymentFingerprint: "fp-anna", at: S.day(2),
            returnWindowDays: 14)
        #expect(book.referral(of: "ok")?.status == .rejected(reason: .samePayment, at: S.day(2)))
    }

    @Test("a refunded first order, a small first order and the per-period limit reject, with the reason")
    func otherRejections() throws {
        var book = book()
        var ledger = PointsLedger()
        let code = try #require(book.code(of: "anna"))
        for friend in ["f1", "f2", "f3", "f4", "f5"] {
            _ = book.friendSignedUp(
                friend: friend, identity: ReferralIdentity(email: "\(friend)@example.com"), code: code, at: S.day(0))
        }
        book.friendOrdered(friend: "f1", order: "o1", amountMinor: 5_000, at: S.day(1), returnWindowDays: 14)
        book.orderRefunded(order: "o1", at: S.day(5))
        book.friendOrdered(friend: "f2", order: "o2", amountMinor: 1_999, at: S.day(1), returnWindowDays: 14)
        for (friend, order) in [("f3", "o3"), ("f4", "o4"), ("f5", "o5")] {
            book.friendOrdered(friend: friend, order: order, amountMinor: 3_000, at: S.day(2), returnWindowDays: 14)
        }
        let rewards = book.settle(at: S.day(30), calendar: Self.berlin, ledger: &ledger)
        #expect(book.referral(of: "f1")?.status == .rejected(reason: .refundedOrder, at: S.day(5)))
        #expect(book.referral(of: "f2")?.status == .rejected(reason: .belowMinimum, at: S.day(1)))
        // At most 2 per year: f3 and f4 rewarded, f5 rejected.
        #expect(rewards.filter { $0.customer == "anna" }.count == 2)
        #expect(book.referral(of: "f5")?.status == .rejected(reason: .limitReached, at: S.day(16)))
        #expect(ledger.balance(of: .available(customer: "anna")) == 400)
    }
}
