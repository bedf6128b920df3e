import FlywheelCore
import FlywheelLoyalty
import Foundation
import Testing

extension ErasureFixture {
    /// Who referred the erased customer ("other"), and whom the erased customer referred.
    public static let referredFriend = "friend-2"
    /// The erased customer's redemption code (a code, not personal: it stays in the ledger).
    public static let redemptionCode = "FLY-7Q2X"
    /// The idempotency keys (API key id and header) of a stored adjustment answer for the erased customer and
    /// for the other one.
    public static let erasedAnswerKey = "key-admin:adjust-\(customerID)"
    public static let otherAnswerKey = "key-admin:adjust-other"

    /// The erased customer's loyalty history as the server writes it: an order earned, a code redeemed, a
    /// manual adjustment (and its stored API answer under an idempotency key), a referral on each side (referred
    /// by "other", referrer of `referredFriend`), an imported member record with a referral code; "other" earns
    /// for their order and the referral. The ledgers are appended as `LoyaltyService` does.
    static func seedLoyalty(_ store: any FlywheelStore) async throws {
        let id = customerID
        try await store.withPointsLedger(customer: id) { ledger in
            try Self.applied(
                ledger.earn(
                    customer: id, points: 500, source: SourceEvent(.order, key: "ord-e1"), reason: "order", at: day(1),
                    expiresAt: day(400), orderAmount: Money(minorUnits: 1_000, currency: .eur)))
            try Self.applied(
                ledger.redeem(
                    customer: id, points: 200, source: SourceEvent(.redemption, key: redemptionCode), reason: "reward:r10",
                    at: day(2)))
            try Self.applied(
                ledger.adjust(
                    customer: id, points: 50, admin: "support", source: SourceEvent(.manual, key: "adj-1"),
                    reason: "goodwill", at: day(3)))
        }
        // Referred by "other": the sign-up in the friend's ledger names the referrer; settlement rewards both.
        try await appendSignup(store, friend: id, referrer: "other", at: day(1))
        try await appendSignup(store, friend: referredFriend, referrer: id, at: day(2))
        for (customer, key) in [(id, "\(id):friend"), ("other", "\(id):referrer"), (id, "\(referredFriend):referrer")] {
            try await store.withPointsLedger(customer: customer) { ledger in
                try Self.applied(
                    ledger.earn(
                        customer: customer, points: 100, source: SourceEvent(.referral, key: key), reason: "referral",
                        at: day(4), expiresAt: day(400)))
            }
        }
        try await store.withPointsLedger(customer: "other") { ledger in
            try Self.applied(
                ledger.earn(
                    customer: "other", points: 300, source: SourceEvent(.order, key: "ord-o1"), reason: "order",
                    at: day(1), orderAmount: Money(minorUnits: 1_000, currency: .eur)))
        }
        _ = try await store.saveImportedMember(
            ImportedLoyaltyMember(
                customer: id, source: "smile", sourceTier: "Gold", tier: "gold", tierUntil: day(300),
                referralCode: "ERIKA-1042", referralLink: "https://shop.example/?ref=ERIKA-1042", optedIn: true,
                importedAt: day(0)))
        _ = try await store.saveImportedMember(
            ImportedLoyaltyMember(customer: "other", source: "smile", referralCode: "OTHER-1", importedAt: day(0)))
        for (key, customer) in [(erasedAnswerKey, id), (otherAnswerKey, "other")] {
            let answer = #"{"customer_id":"\#(customer)","key":"adj-1","points":50,"admin":"support","applied":true}"#
            _ = try await store.saveIdempotencyRecord(
                IdempotencyRecord(
                    key: key, requestHash: String(repeating: "a", count: 64), statusCode: 201, body: Data(answer.utf8),
                    createdAt: day(3)))
        }
    }

    private static func day(_ number: Int) -> Date { StoreFixtures.date(day: number) }

    private static func appendSignup(_ store: any FlywheelStore, friend: String, referrer: String, at: Date)
        async throws
    {
        try await store.withLedger(customer: friend) { records in
            try records.append(
                LedgerSourceRecord(
                    customer: friend, sequence: records.sources.count, kind: "referral", key: "signup", at: at,
                    reference: referrer))
        }
    }

    private static func applied(_ outcome: LedgerOutcome) throws {
        if let error = outcome.error { throw error }
        #expect(outcome != .alreadyApplied)
    }
}
