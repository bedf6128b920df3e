import FlywheelCore
import FlywheelLoyalty
import Foundation
import Testing

extension StoreConformance {
    /// Erasure reaches the loyalty ledger (docs/consent.md, "The ledger and erasure").
    static let ledgerErasureChecks: [StoreCheck] = [
        StoreCheck(
            "erasure: the ledger moves to the pseudonym with its totals and the liability report unchanged",
            erasureRenamesLedger),
        StoreCheck(
            "erasure: referrals, imported member and stored API answers no longer name the person",
            erasureReachesReferralsAndAnswers),
    ]

    static func erasureRenamesLedger(_ store: any FlywheelStore) async throws {
        try await ErasureFixture.seed(store)
        let id = ErasureFixture.customerID
        let pseudonym = ErasureFixture.pseudonym
        let customers = [id, "other", ErasureFixture.referredFriend]
        let at = StoreFixtures.date(day: 10)
        let calendar = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        let value = PointValue(points: 100, valueMinor: 50)
        var balances: [String: LedgerBalance] = [:]
        var histories: [String: [LedgerEntryRecord]] = [:]
        for customer in customers {
            balances[customer] = try await store.ledgerBalance(customer: customer)
            histories[customer] = try await history(store, customer)
        }
        let lots = try await store.openLedgerLots()
        let liability = LiabilityReport(openLots: lots, value: value, at: at, calendar: calendar)
        #expect(balances[id]?.available == 550 && liability.openPoints == 950)

        try await ErasureFixture.erase(store)

        let rename = { (name: String) in name == id ? pseudonym : name }
        let renameKey = { (key: String) in key.hasPrefix(id + ":") ? pseudonym + key.dropFirst(id.count) : key }
        // The erased customer's ledger is the pseudonym's, record for record; nothing is left under the id.
        var moved = try #require(balances[id])
        moved.customer = pseudonym
        #expect(try await store.ledgerBalance(customer: pseudonym) == moved)
        #expect(try await store.ledgerBalance(customer: id).entryCount == 0)
        #expect(try await history(store, id).isEmpty)
        for customer in customers {
            let expected = (histories[customer] ?? []).map { entry in
                var entry = entry
                entry.customer = rename(entry.customer)
                if entry.sourceKind == "referral" { entry.sourceKey = renameKey(entry.sourceKey) }
                return entry
            }
            #expect(try await history(store, rename(customer)) == expected, "\(customer)")
            if customer != id { #expect(try await store.ledgerBalance(customer: customer) == balances[customer]) }
        }
        #expect(try await store.ledgerCustomers().contains(pseudonym))
        #expect(try await store.ledgerCustomers().contains(id) == false)
        // Totals and the liability report are exactly what they were.
        let after = try await store.openLedgerLots()
        #expect(LiabilityReport(openLots: after, value: value, at: at, calendar: calendar) == liability)
        let renamedLots = lots.map { open in
            var open = open
            open.lot.customer = rename(open.lot.customer)
            if open.lot.sourceKind == "referral" { open.lot.sourceKey = renameKey(open.lot.sourceKey) }
            return open
        }
        let order = { (a: LedgerOpenLot, b: LedgerOpenLot) in (a.lot.customer, a.lot.number) < (b.lot.customer, b.lot.number) }
        #expect(after.sorted(by: order) == renamedLots.sorted(by: order))

        // A ledger write after the erasure sees the file as renamed, not what it saw before (a store that keeps
        // recently written ledgers must forget them): the erased id starts empty, and "other" holds its referral
        // under the renamed key.
        let restarted = try await store.withPointsLedger(customer: id) { ledger in
            ledger.spendablePoints(of: id, at: StoreFixtures.date(day: 11))
        }
        #expect(restarted == 0)
        let renamedReferral = try await store.withPointsLedger(customer: "other") { ledger in
            (ledger.hasApplied(SourceEvent(.referral, key: pseudonym + ":referrer")),
             ledger.hasApplied(SourceEvent(.referral, key: id + ":referrer")))
        }
        #expect(renamedReferral == (true, false))

        // The pseudonym's ledger goes on: restored, it spends; its code is still its own across the shop.
        let spent = try await store.withPointsLedger(customer: pseudonym) { ledger in
            ledger.redeem(
                customer: pseudonym, points: 100, source: SourceEvent(.redemption, key: "FLY-NEW1"), reason: "reward:r10",
                at: StoreFixtures.date(day: 11)
            ).error
        }
        #expect(spent == nil)
        #expect(try await store.ledgerBalance(customer: pseudonym).available == 450)
        await #expect(throws: LedgerStoreError.codeTaken(ErasureFixture.redemptionCode)) {
            try await store.withPointsLedger(customer: "other") { ledger in
                _ = ledger.redeem(
                    customer: "other", points: 10, source: SourceEvent(.redemption, key: ErasureFixture.redemptionCode),
                    reason: "reward:r10", at: StoreFixtures.date(day: 11))
            }
        }
    }

    static func erasureReachesReferralsAndAnswers(_ store: any FlywheelStore) async throws {
        try await ErasureFixture.seed(store)
        let id = ErasureFixture.customerID
        let pseudonym = ErasureFixture.pseudonym
        try await ErasureFixture.erase(store)

        // The referrer's reward for referring the erased friend is keyed by the pseudonym now.
        #expect(try await store.ledgerSources(kind: "referral", key: "\(id):referrer").isEmpty)
        #expect(try await store.ledgerSources(kind: "referral", key: "\(pseudonym):referrer").map(\.customer) == ["other"])
        #expect(try await store.ledgerSources(kind: "referral", key: "\(pseudonym):friend").map(\.customer) == [pseudonym])
        #expect(
            try await store.ledgerSources(kind: "referral", key: "\(ErasureFixture.referredFriend):referrer").map(\.customer)
                == [pseudonym])
        // Sign-ups: the erased friend's names its referrer; the friend the erased customer referred names the pseudonym.
        let signups = try await store.ledgerSources(kind: "referral", key: "signup")
        #expect(
            Dictionary(uniqueKeysWithValues: signups.map { ($0.customer, $0.reference) })
                == [pseudonym: "other", ErasureFixture.referredFriend: pseudonym])

        // The imported member keeps its tier grant under the pseudonym, without the referral code and link.
        #expect(try await store.importedMember(customer: id) == nil)
        #expect(try await store.importedMember(referralCode: "ERIKA-1042") == nil)
        let member = try #require(try await store.importedMember(customer: pseudonym))
        #expect(member.tier == "gold" && member.tierUntil == StoreFixtures.date(day: 300))
        #expect(member.referralCode == nil && member.referralLink == nil)
        #expect(try await store.importedMember(referralCode: "OTHER-1")?.customer == "other")

        // The stored answer naming the person is gone; the other customer's stays.
        #expect(try await store.idempotencyRecord(key: ErasureFixture.erasedAnswerKey) == nil)
        #expect(try await store.idempotencyRecord(key: ErasureFixture.otherAnswerKey) != nil)
    }

    /// Every entry of the customer's ledger, oldest first.
    private static func history(_ store: any FlywheelStore, _ customer: String) async throws -> [LedgerEntryRecord] {
        try await store.ledgerHistory(LedgerHistoryQuery(customer: customer, before: nil, limit: 1_000)).entries.reversed()
    }
}
