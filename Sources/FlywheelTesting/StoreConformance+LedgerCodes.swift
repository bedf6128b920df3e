import FlywheelCore
import FlywheelLoyalty
import Foundation
import Testing

extension StoreConformance {
    /// A redemption's code (its source key) names one customer across the shop (schema step `v8 loyalty
    /// codes`): another customer's redemption with it is refused with `LedgerStoreError.codeTaken` and stores
    /// nothing; other kinds may share keys across customers.
    static func ledgerCodesUniqueAcrossShop(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        for customer in ["c1", "c2"] {
            _ = try await store.withPointsLedger(customer: customer) {
                $0.earn(
                    customer: customer, points: 500, source: SourceEvent(.bonus, key: "launch"), reason: "welcome",
                    at: day(1))
            }
        }
        let first = try await store.withPointsLedger(customer: "c1") {
            $0.redeem(customer: "c1", points: 100, source: SourceEvent(.redemption, key: "FLY-1234-ABCD"), reason: "reward:x", at: day(2))
        }
        #expect(first.entries.count == 1)
        await #expect(throws: LedgerStoreError.codeTaken("FLY-1234-ABCD")) {
            _ = try await store.withPointsLedger(customer: "c2") {
                $0.redeem(customer: "c2", points: 100, source: SourceEvent(.redemption, key: "FLY-1234-ABCD"), reason: "reward:x", at: day(3))
            }
        }
        #expect(LedgerStoreError.codeTaken("FLY-1234-ABCD").takenCode == "FLY-1234-ABCD")
        #expect(try await store.ledgerBalance(customer: "c2").available == 500)
        #expect(try await store.withLedger(customer: "c2") { $0.sources.count } == 1)
        // Another code is fine; the owner's own retry is the ledger's exactly-once.
        let other = try await store.withPointsLedger(customer: "c2") {
            $0.redeem(customer: "c2", points: 100, source: SourceEvent(.redemption, key: "FLY-9999-WXYZ"), reason: "reward:x", at: day(3))
        }
        #expect(other.entries.count == 1)
        let again = try await store.withPointsLedger(customer: "c1") {
            $0.redeem(customer: "c1", points: 100, source: SourceEvent(.redemption, key: "FLY-1234-ABCD"), reason: "reward:x", at: day(4))
        }
        #expect(again == .alreadyApplied)
        #expect(try await store.ledgerBalance(customer: "c1").available == 400)
    }

    /// `ledgerLastActivity(kinds:)`: each customer's latest source of the kinds asked, in one read.
    static func ledgerLastActivityRead(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        #expect(try await store.ledgerLastActivity(kinds: ["order"]).isEmpty)
        _ = try await store.withPointsLedger(customer: "a") {
            _ = $0.earn(
                customer: "a", points: 10, source: SourceEvent(.order, key: "o1"), reason: "order", at: day(1),
                orderAmount: eur(1_000))
            _ = $0.earn(
                customer: "a", points: 10, source: SourceEvent(.order, key: "o2"), reason: "order", at: day(5),
                orderAmount: eur(1_000))
            return $0.adjust(
                customer: "a", points: 5, admin: "adm", source: SourceEvent(.manual, key: "m"), reason: "goodwill", at: day(9))
        }
        _ = try await store.withPointsLedger(customer: "b") {
            $0.earn(customer: "b", points: 10, source: SourceEvent(.bonus, key: "k"), reason: "gift", at: day(3))
        }
        let orders = try await store.ledgerLastActivity(kinds: ["order", "redemption"])
        #expect(orders == ["a": day(5)])
        let any = try await store.ledgerLastActivity(kinds: ["order", "bonus", "manual"])
        #expect(any == ["a": day(9), "b": day(3)])
        #expect(try await store.ledgerLastActivity(kinds: []).isEmpty)
        // Shop-wide markers of one kind and key, by customer.
        let marks = try await store.ledgerSources(kind: "bonus", key: "k")
        #expect(marks.map(\.customer) == ["b"])
        #expect(marks.first?.at == day(3))
        #expect(try await store.ledgerSources(kind: "order", key: "o2").map(\.customer) == ["a"])
        #expect(try await store.ledgerSources(kind: "order", key: "none").isEmpty)
    }
}
