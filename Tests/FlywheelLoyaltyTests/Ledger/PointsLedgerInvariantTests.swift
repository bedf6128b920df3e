import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

/// A small deterministic generator (SplitMix64) so the random sequence is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("PointsLedger: invariants over random operations")
struct PointsLedgerInvariantTests {
    typealias S = LedgerTestSupport

    private enum Operation {
        case earn(customer: String, key: String, points: Int64, amount: Int64, day: Int, expiresDay: Int?)
        case refund(order: String, key: String, amount: Int64, day: Int)
        case redeem(customer: String, key: String, points: Int64, day: Int)
        case expire(key: String, day: Int)
    }

    private func operations(seed: UInt64, count: Int) -> [Operation] {
        var random = SeededGenerator(seed: seed)
        var orders: [String] = []
        var result: [Operation] = []
        for step in 0..<count {
            let day = step / 4
            let customer = "c\(Int.random(in: 0..<5, using: &random))"
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4:
                let key = "o\(step)"
                orders.append(key)
                let amount = Int64.random(in: 1...50_000, using: &random)
                result.append(
                    .earn(
                        customer: customer, key: key, points: max(1, amount / 100), amount: amount, day: day,
                        expiresDay: Bool.random(using: &random) ? day + Int.random(in: 1...90, using: &random) : nil))
            case 4..<6 where !orders.isEmpty:
                let order = orders.randomElement(using: &random)!
                result.append(
                    .refund(
                        order: order, key: "rf\(step)", amount: Int64.random(in: 1...30_000, using: &random), day: day))
            case 9:
                result.append(.expire(key: "x\(step)", day: day))
            default:
                result.append(
                    .redeem(
                        customer: customer, key: "r\(step)", points: Int64.random(in: 1...400, using: &random), day: day
                    ))
            }
        }
        return result
    }

    @discardableResult
    private func apply(_ operation: Operation, to ledger: inout PointsLedger) -> LedgerOutcome {
        switch operation {
        case .earn(let customer, let key, let points, let amount, let day, let expiresDay):
            return S.earnOrder(
                &ledger, customer: customer, key: key, points: points, amountMinor: amount, day: day,
                expiresDay: expiresDay)
        case .refund(let order, let key, let amount, let day):
            return ledger.refund(
                order: order, amount: S.euros(amount), source: SourceEvent(.refund, key: key), reason: "refund",
                at: S.day(day))
        case .redeem(let customer, let key, let points, let day):
            return ledger.redeem(
                customer: customer, points: points, source: SourceEvent(.redemption, key: key), reason: "reward",
                at: S.day(day))
        case .expire(let key, let day):
            return ledger.expire(source: SourceEvent(.expiry, key: key), reason: "expiry", at: S.day(day))
        }
    }

    @Test(
        "zero-sum, no negative lot, balances equal entries, replays change nothing", arguments: [1, 7, 42] as [UInt64])
    func invariants(seed: UInt64) {
        let ops = operations(seed: seed, count: 2_000)
        var ledger = PointsLedger()
        var rejected = 0
        var applied: [Operation] = []
        for (index, operation) in ops.enumerated() {
            let outcome = apply(operation, to: &ledger)
            if outcome.error != nil { rejected += 1 } else { applied.append(operation) }
            if index % 100 == 0 { #expect(S.balancesAreConsistent(ledger)) }
        }
        #expect(S.balancesAreConsistent(ledger))
        // The run must exercise both accepted and refused operations, and every kind of movement.
        #expect(rejected > 0 && !applied.isEmpty)
        for account in [LedgerAccount.redeemed, .expired, .reversed] {
            #expect(ledger.balance(of: account) > 0)
        }
        // Every lot's earned points are its remaining points plus what entries took out of it.
        for lot in ledger.lots {
            let taken = ledger.entries.filter { $0.lot == lot.id && $0.takesFromCustomer }.reduce(0) { $0 + $1.points }
            #expect(lot.remaining + taken == lot.earned)
        }
        // Customer balances equal the remaining points of their lots.
        for customer in (0..<5).map({ "c\($0)" }) {
            let remaining = ledger.lots.filter { $0.customer == customer }.reduce(0) { $0 + $1.remaining }
            #expect(ledger.balance(of: .available(customer: customer)) == remaining)
        }
        // Reversals per order never exceed what the order earned.
        for lot in ledger.lots {
            let reversed = ledger.entries.filter { $0.lot == lot.id && $0.credit == .reversed }.reduce(0) {
                $0 + $1.points
            }
            let shortfall = ledger.refundShortfalls.filter { $0.order == lot.source }.reduce(0) { $0 + $1.points }
            #expect(reversed + shortfall <= lot.earned)
        }
        // Replaying every applied event, in a new order, changes nothing.
        let entries = ledger.entries
        let balances = ledger.accounts.map { ledger.balance(of: $0) }
        let shortfalls = ledger.refundShortfalls
        for operation in applied.reversed() {
            #expect(apply(operation, to: &ledger) == .alreadyApplied)
        }
        #expect(ledger.entries == entries)
        #expect(ledger.accounts.map { ledger.balance(of: $0) } == balances)
        #expect(ledger.refundShortfalls == shortfalls)
    }

    @Test(
        "a lean ledger (no entries kept) ends with the same balances, lots and outcomes", arguments: [3, 9] as [UInt64])
    func leanMatchesFull(seed: UInt64) {
        var full = PointsLedger()
        var lean = PointsLedger(keepingEntries: false)
        for operation in operations(seed: seed, count: 2_000) {
            #expect(apply(operation, to: &full) == apply(operation, to: &lean))
        }
        #expect(lean.entries.isEmpty)
        #expect(lean.entryCount == full.entries.count)
        #expect(lean.lots == full.lots)
        #expect(lean.refundShortfalls == full.refundShortfalls)
        for account in full.accounts { #expect(lean.balance(of: account) == full.balance(of: account)) }
    }
}
