import FlywheelCore
import FlywheelLoyalty
import Foundation
import Testing

/// A ledger written through a store, one operation per transaction, restores to the ledger the same
/// operations give in memory — for random mixes of every operation.
@Suite("Points ledger: restoring from stored records")
struct PointsLedgerRecordsTests {
    typealias Step = @Sendable (inout PointsLedger) -> LedgerOutcome

    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static func day(_ n: Int) -> Date { start.addingTimeInterval(Double(n) * 86_400) }
    static func eur(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    /// `count` random operations of customer `c1` (earn, pending earn, release, redeem, refund, hand-back,
    /// adjust, expiry runs), some repeating an earlier source, some refused.
    static func steps(seed: UInt64, count: Int) -> [Step] {
        var random = SplitMix64(seed: seed)
        func draw(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        var steps: [Step] = []
        var orders: [String] = []
        var redemptions: [String] = []
        for index in 0..<count {
            let at = day(index)
            switch draw(8) {
            case 0, 1:
                let key = "o\(index)"
                let points = Int64(10 + draw(200))
                let amount = Int64(1_000 + draw(20_000))
                let pending = draw(3) == 0
                let expires = draw(2) == 0 ? day(index + 30 + draw(200)) : nil
                orders.append(key)
                steps.append {
                    $0.earn(
                        customer: "c1", points: points, source: SourceEvent(.order, key: key), reason: "order",
                        at: at, expiresAt: expires, orderAmount: eur(amount), pending: pending)
                }
            case 2:
                guard let order = orders.randomElement(using: &random) else { continue }
                steps.append {
                    $0.release(order: order, source: SourceEvent(.release, key: order), reason: "window", at: at)
                }
            case 3:
                let key = "r\(index)"
                let points = Int64(1 + draw(150))
                redemptions.append(key)
                steps.append {
                    $0.redeem(
                        customer: "c1", points: points, source: SourceEvent(.redemption, key: key), reason: "reward",
                        at: at)
                }
            case 4:
                guard let order = orders.randomElement(using: &random) else { continue }
                let amount = Int64(1 + draw(8_000))
                steps.append {
                    $0.refund(
                        order: order, amount: eur(amount), source: SourceEvent(.refund, key: "f\(index)"),
                        reason: "refund", at: at)
                }
            case 5:
                guard let redemption = redemptions.randomElement(using: &random) else { continue }
                let points = Int64(1 + draw(60))
                steps.append {
                    $0.handBack(
                        customer: "c1", points: points, redemption: SourceEvent(.redemption, key: redemption),
                        source: SourceEvent(.handBack, key: "h\(index)"), reason: "refunded", at: at)
                }
            case 6:
                let points = Int64(draw(2) == 0 ? 1 + draw(50) : -(1 + draw(50)))
                steps.append {
                    $0.adjust(
                        customer: "c1", points: points, admin: "adm", source: SourceEvent(.manual, key: "m\(index)"),
                        reason: "fix", at: at)
                }
            default:
                steps.append { $0.expire(source: SourceEvent(.expiry, key: "run\(index)"), reason: "expired", at: at) }
            }
            // Now and then, a source delivered again.
            if draw(6) == 0, let again = steps.last { steps.append(again) }
        }
        return steps
    }

    @Test(
        "random operations, each in its own store transaction, restore to the ledger in memory",
        arguments: [1, 2, 3, 4, 5] as [UInt64])
    func restoresLikeMemory(seed: UInt64) async throws {
        let steps = Self.steps(seed: seed, count: 120)
        var reference = PointsLedger()
        var expected: [LedgerOutcome] = []
        for step in steps { expected.append(step(&reference)) }

        let store = InMemoryStore()
        var outcomes: [LedgerOutcome] = []
        for step in steps { outcomes.append(try await store.withPointsLedger(customer: "c1") { step(&$0) }) }
        #expect(outcomes == expected)

        let records = try await store.withLedger(customer: "c1") { $0 }
        let restored = try PointsLedger(restoring: records)
        #expect(restored.entries == reference.entries)
        #expect(restored.lots == reference.lots)
        #expect(restored.refundShortfalls == reference.refundShortfalls)
        #expect(restored.trace(customer: "c1") == reference.trace(customer: "c1"))
        for account in reference.accounts {
            #expect(restored.balance(of: account) == reference.balance(of: account), "\(account)")
        }
        let balance = try await store.ledgerBalance(customer: "c1")
        #expect(balance.available == reference.balance(of: .available(customer: "c1")))
        #expect(balance.pending == reference.balance(of: .pending(customer: "c1")))

        let calendar = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        let value = PointValue(points: 100, valueMinor: 1_000)
        let fromStore = LiabilityReport(
            openLots: try await store.openLedgerLots(), value: value, at: Self.day(130), calendar: calendar)
        let fromMemory = LiabilityReport(ledger: reference, value: value, at: Self.day(130), calendar: calendar)
        #expect(fromStore == fromMemory)
    }
}
