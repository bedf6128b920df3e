import FlywheelCore
import FlywheelLoyalty
import Foundation
import Testing

/// The loyalty ledger's part of the contract (`withLedger` and its readers), driven through the pure
/// `PointsLedger` as the server will drive it, and compared with the same operations on a ledger in memory.
extension StoreConformance {
    static let ledgerChecks: [StoreCheck] = [
        StoreCheck("ledger: entries and lots round-trip and restore the same ledger", ledgerRoundTrip),
        StoreCheck("ledger: history pages newest first", ledgerHistoryPages),
        StoreCheck("ledger: a source applies once, also from concurrent calls", ledgerExactlyOnce),
        StoreCheck("ledger: refund reversals, shortfalls, releases and hand-backs persist", ledgerRefundsPersist),
        StoreCheck("ledger: the cached balance equals the balance from entries", ledgerCachedBalance),
        StoreCheck("ledger: nothing is stored when the body throws", ledgerBodyThrows),
        StoreCheck("ledger: open lots of the whole shop for the liability report", ledgerOpenLots),
        StoreCheck(
            "ledger: 50 concurrent redemptions from one balance",
            { store in
                try await LedgerConcurrency.redeemTogether(on: [try await migrated(store)])
            }),
    ]

    typealias LedgerStep = @Sendable (inout PointsLedger) -> LedgerOutcome

    static func day(_ day: Int) -> Date { StoreFixtures.date(day: day) }
    static func eur(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    /// A customer's first days: two orders (with expiry), a bonus, a redemption across lots, a manual
    /// deduction and a manual award.
    static func busyWeek(_ customer: String) -> [LedgerStep] {
        [
            {
                $0.earn(
                    customer: customer, points: 120, source: SourceEvent(.order, key: "\(customer)-o1"),
                    reason: "order", at: day(1), expiresAt: day(300),
                    orderAmount: Money(minorUnits: 12_000, currency: .eur))
            },
            {
                $0.earn(
                    customer: customer, points: 50, source: SourceEvent(.bonus, key: "launch"), reason: "welcome",
                    at: day(2))
            },
            {
                $0.earn(
                    customer: customer, points: 80, source: SourceEvent(.order, key: "\(customer)-o2"),
                    reason: "order", at: day(3), expiresAt: day(200),
                    orderAmount: Money(minorUnits: 8_000, currency: .eur))
            },
            {
                $0.redeem(
                    customer: customer, points: 100, source: SourceEvent(.redemption, key: "\(customer)-r1"),
                    reason: "€10 off", at: day(4))
            },
            {
                $0.adjust(
                    customer: customer, points: -30, admin: "adm_anna",
                    source: SourceEvent(.manual, key: "\(customer)-m1"),
                    reason: "goodwill taken back", at: day(5))
            },
            {
                $0.adjust(
                    customer: customer, points: 25, admin: "adm_anna",
                    source: SourceEvent(.manual, key: "\(customer)-m2"),
                    reason: "apology", at: day(6), expiresAt: day(400))
            },
        ]
    }

    /// Applies `steps` to a ledger in memory.
    static func reference(_ steps: [LedgerStep]) -> PointsLedger {
        var ledger = PointsLedger()
        for step in steps { _ = step(&ledger) }
        return ledger
    }

    /// Applies each step in a transaction of its own; returns the outcomes.
    @discardableResult
    static func apply(_ steps: [LedgerStep], customer: String, to store: any FlywheelStore) async throws
        -> [LedgerOutcome]
    {
        var outcomes: [LedgerOutcome] = []
        for step in steps { outcomes.append(try await store.withPointsLedger(customer: customer) { step(&$0) }) }
        return outcomes
    }

    static func records(_ store: any FlywheelStore, _ customer: String) async throws -> CustomerLedgerRecords {
        try await store.withLedger(customer: customer) { $0 }
    }

    static func ledgerRoundTrip(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let steps = busyWeek("c1")
        let outcomes = try await apply(steps, customer: "c1", to: store)
        #expect(outcomes.allSatisfy { if case .applied = $0 { true } else { false } })
        let reference = reference(steps)

        let stored = try await records(store, "c1")
        #expect(stored.entries.count == reference.entries.count)
        #expect(stored.lots.count == 4)
        #expect(stored.sources.map(\.key) == ["c1-o1", "launch", "c1-o2", "c1-r1", "c1-m1", "c1-m2"])
        #expect(stored.entries.filter { $0.sourceKey == "c1-m1" }.map(\.admin) == ["adm_anna"])
        #expect(
            stored.entries.map(\.debit) == [
                .programme, .programme, .programme, .available, .available, .available, .programme,
            ])
        #expect(stored.lots[0].orderAmount == Money(minorUnits: 12_000, currency: .eur))
        #expect(stored.lots[0].expiresAt == day(300))
        #expect(stored.lots[1].expiresAt == nil)
        #expect(stored.lots[1].orderAmount == nil)

        let restored = try PointsLedger(restoring: stored)
        #expect(restored.entries == reference.entries)
        #expect(restored.lots == reference.lots)
        #expect(restored.trace(customer: "c1") == reference.trace(customer: "c1"))
        let redemption = SourceEvent(.redemption, key: "c1-r1")
        #expect(restored.origins(of: redemption) == reference.origins(of: redemption))
        // First-expiring-first: the redemption took o2 (expires day 200) whole, then 20 of o1 (day 300).
        #expect(restored.origins(of: redemption).map(\.points) == [80, 20])
        #expect(restored.balance(of: .available(customer: "c1")) == 145)
        #expect(restored.spendablePoints(of: "c1", at: day(350)) == 75)
    }

    static func ledgerHistoryPages(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        try await apply(busyWeek("c1"), customer: "c1", to: store)
        try await apply(busyWeek("c2"), customer: "c2", to: store)
        let all = try await records(store, "c1").entries
        var pages: [[LedgerEntryRecord]] = []
        var query = LedgerHistoryQuery(customer: "c1", limit: 3)
        while true {
            let page = try await store.ledgerHistory(query)
            pages.append(page.entries)
            guard let next = page.nextBefore else { break }
            query.before = next
        }
        #expect(pages.map(\.count) == [3, 3, 1])
        #expect(pages.flatMap { $0 } == all.reversed())
        #expect(pages.flatMap { $0 }.allSatisfy { $0.customer == "c1" })
        #expect(try await store.ledgerHistory(LedgerHistoryQuery(customer: "nobody")).entries.isEmpty)
    }

    static func ledgerExactlyOnce(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let order = SourceEvent(.order, key: "1001")
        let earn: LedgerStep = {
            $0.earn(
                customer: "c1", points: 40, source: order, reason: "order", at: day(1),
                orderAmount: Money(minorUnits: 4_000, currency: .eur))
        }
        // A webhook delivered three times.
        let outcomes = try await apply([earn, earn, earn], customer: "c1", to: store)
        #expect(outcomes.map(\.entries.count) == [1, 0, 0])
        #expect(outcomes[1] == .alreadyApplied && outcomes[2] == .alreadyApplied)

        // Ten concurrent deliveries of another order: one applies.
        let second = SourceEvent(.order, key: "1002")
        let applied = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    let outcome = try await store.withPointsLedger(customer: "c1") {
                        $0.earn(
                            customer: "c1", points: 25, source: second, reason: "order", at: day(2),
                            orderAmount: Money(minorUnits: 2_500, currency: .eur))
                    }
                    return !outcome.entries.isEmpty
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(applied == 1)
        #expect(try await store.ledgerBalance(customer: "c1").available == 65)
        #expect(try await records(store, "c1").entries.count == 2)

        // The store's own rule, below the ledger: a source record appended twice is refused, nothing stored.
        await #expect(throws: LedgerStoreError.duplicateSource(kind: "order", key: "1001")) {
            try await store.withLedger(customer: "c1") { records in
                try records.append(
                    LedgerSourceRecord(
                        customer: "c1", sequence: records.sources.count, kind: "bonus", key: "fresh", at: day(3)))
                try records.append(
                    LedgerSourceRecord(
                        customer: "c1", sequence: records.sources.count, kind: "order", key: "1001", at: day(3)))
            }
        }
        #expect(try await records(store, "c1").sources.map(\.key) == ["1001", "1002"])
        // The same key for another customer is another source.
        let other = try await store.withPointsLedger(customer: "c2") {
            $0.earn(
                customer: "c2", points: 5, source: SourceEvent(.bonus, key: "launch"), reason: "welcome", at: day(1))
        }
        #expect(other.entries.count == 1)
    }

    static func ledgerRefundsPersist(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let refund = { (key: String, order: String, minor: Int64, day: Int) -> LedgerStep in
            {
                $0.refund(
                    order: order, amount: eur(minor), source: SourceEvent(.refund, key: key), reason: "refund",
                    at: Self.day(day))
            }
        }
        let steps: [LedgerStep] = [
            // 10 points on €30, refunded €1 (reverses 0, but counts), then €9, €10, €10: 0, 3, 3, 4.
            {
                $0.earn(
                    customer: "c1", points: 10, source: SourceEvent(.order, key: "A"), reason: "order", at: day(1),
                    orderAmount: eur(3_000))
            },
            refund("A-1", "A", 100, 2), refund("A-2", "A", 900, 3), refund("A-3", "A", 1_000, 4),
            refund("A-4", "A", 1_000, 5),
            // 50 points, 40 redeemed, then the order refunded in full: 10 reversed, 40 short.
            {
                $0.earn(
                    customer: "c1", points: 50, source: SourceEvent(.order, key: "B"), reason: "order", at: day(6),
                    orderAmount: eur(5_000))
            },
            {
                $0.redeem(
                    customer: "c1", points: 40, source: SourceEvent(.redemption, key: "R"), reason: "reward", at: day(7)
                )
            },
            refund("B-1", "B", 5_000, 8),
            // Pending points released, and a redemption handed back.
            {
                $0.earn(
                    customer: "c1", points: 30, source: SourceEvent(.order, key: "C"), reason: "order", at: day(9),
                    orderAmount: eur(3_000), pending: true)
            },
            {
                $0.release(
                    order: "C", source: SourceEvent(.release, key: "C"), reason: "return window closed", at: day(23))
            },
            {
                $0.handBack(
                    customer: "c1", points: 25, redemption: SourceEvent(.redemption, key: "R"),
                    source: SourceEvent(.handBack, key: "R"), reason: "order refunded", at: day(24))
            },
        ]
        let outcomes = try await apply(steps, customer: "c1", to: store)
        #expect(outcomes.map(\.entries.count) == [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1])
        #expect(outcomes[7] == .applied(entries: outcomes[7].entries, shortfall: 40))
        let reference = reference(steps)
        let restored = try PointsLedger(restoring: try await records(store, "c1"))
        #expect(restored.entries == reference.entries)
        #expect(restored.lots == reference.lots)
        #expect(restored.refundShortfalls == reference.refundShortfalls)
        #expect(restored.refundShortfalls.map(\.points) == [40])
        #expect(restored.balanceFromEntries(of: .reversed) == 10 + 10)
        #expect(restored.pendingPoints(of: "c1") == 0)
        #expect(restored.spendablePoints(of: "c1", at: day(30)) == 30 + 25)

        // Restored state decides later operations as the ledger in memory does: the redemption R spent 40
        // and 25 were handed back, so 15 more may come back but not 16; order A is fully reversed.
        let later: [LedgerStep] = [
            {
                $0.handBack(
                    customer: "c1", points: 16, redemption: SourceEvent(.redemption, key: "R"),
                    source: SourceEvent(.handBack, key: "R2"), reason: "more", at: day(25))
            },
            refund("A-5", "A", 500, 26),
            refund("B-1", "B", 5_000, 27),
        ]
        let laterOutcomes = try await apply(later, customer: "c1", to: store)
        var inMemory = reference
        #expect(laterOutcomes == later.map { $0(&inMemory) })
        #expect(laterOutcomes[0].error != nil)
        #expect(laterOutcomes[1] == .applied(entries: [], shortfall: 0))
        #expect(laterOutcomes[2] == .alreadyApplied)
    }

    static func ledgerCachedBalance(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        #expect(try await store.ledgerBalance(customer: "c1") == LedgerBalance(customer: "c1"))
        for (index, step) in busyWeek("c1").enumerated() {
            try await store.withPointsLedger(customer: "c1") { _ = step(&$0) }
            let stored = try await records(store, "c1")
            let cached = try await store.ledgerBalance(customer: "c1")
            #expect(cached == stored.balance, "after step \(index)")
            let ledger = try PointsLedger(restoring: stored)
            #expect(cached.available == ledger.balanceFromEntries(of: .available(customer: "c1")))
            #expect(cached.available == ledger.balance(of: .available(customer: "c1")))
            #expect(cached.pending == ledger.balanceFromEntries(of: .pending(customer: "c1")))
        }
        #expect(
            try await store.ledgerBalance(customer: "c1")
                == LedgerBalance(customer: "c1", available: 145, entryCount: 7))
    }

    struct Refused: Error {}

    static func ledgerBodyThrows(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let order = SourceEvent(.order, key: "1001")
        await #expect(throws: Refused.self) {
            try await store.withPointsLedger(customer: "c1") { ledger in
                _ = ledger.earn(
                    customer: "c1", points: 40, source: order, reason: "order", at: day(1),
                    orderAmount: Money(minorUnits: 4_000, currency: .eur))
                throw Refused()
            }
        }
        #expect(try await store.ledgerBalance(customer: "c1") == LedgerBalance(customer: "c1"))
        #expect(try await store.ledgerHistory(LedgerHistoryQuery(customer: "c1")).entries.isEmpty)
        #expect(try await store.openLedgerLots().isEmpty)
        // The source was not recorded, so it may be applied now.
        let retry = try await store.withPointsLedger(customer: "c1") {
            $0.earn(
                customer: "c1", points: 40, source: order, reason: "order", at: day(1),
                orderAmount: Money(minorUnits: 4_000, currency: .eur))
        }
        #expect(retry.entries.count == 1)
        // An entry for another customer is refused as a whole.
        await #expect(throws: LedgerStoreError.self) {
            try await store.withPointsLedger(customer: "c1") {
                $0.earn(customer: "c2", points: 5, source: SourceEvent(.bonus, key: "b"), reason: "bonus", at: day(2))
            }
        }
        #expect(try await records(store, "c1").entries.count == 1)
        #expect(try await records(store, "c2").entries.isEmpty)
    }

    static func ledgerOpenLots(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        try await apply(busyWeek("c2"), customer: "c2", to: store)
        try await apply(
            [
                {
                    $0.earn(
                        customer: "c1", points: 30, source: SourceEvent(.order, key: "P"), reason: "order", at: day(1),
                        orderAmount: Money(minorUnits: 3_000, currency: .eur), pending: true)
                },
                {
                    $0.earn(
                        customer: "c1", points: 20, source: SourceEvent(.order, key: "Q"), reason: "order", at: day(2),
                        orderAmount: Money(minorUnits: 2_000, currency: .eur), pending: true)
                },
                {
                    $0.release(
                        order: "Q", source: SourceEvent(.release, key: "Q"), reason: "window closed", at: day(16))
                },
            ], customer: "c1", to: store)
        let open = try await store.openLedgerLots()
        #expect(open.map { "\($0.lot.customer)#\($0.lot.number)" } == ["c1#0", "c1#1", "c2#0", "c2#1", "c2#3"])
        #expect(open.map(\.remaining) == [30, 20, 70, 50, 25])
        #expect(open.map(\.isPending) == [true, false, false, false, false])
        let c2 = reference(busyWeek("c2"))
        let expected = c2.lots.filter { $0.remaining > 0 }.map(\.remaining)
        #expect(open.filter { $0.lot.customer == "c2" }.map(\.remaining) == expected)
        let c1 = try await records(store, "c1")
        #expect(c1.openLots == open.filter { $0.lot.customer == "c1" })
    }
}
