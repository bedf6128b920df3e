import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("RewardBook: redeeming issues unique codes; used or expired; full refunds hand points back")
struct RewardBookTests {
    typealias S = LedgerTestSupport
    static let calendar = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)

    let tenOff = Reward(
        id: "ten-off", name: "€10 off", kind: .amountOff(minor: 1_000), costPoints: 100, minimumOrderMinor: 3_000,
        limits: [RewardLimit(count: 2, period: .month), RewardLimit(count: 3, period: .lifetime)], validDays: 30)

    private func ledger(points: Int64) -> PointsLedger {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "earn", points: points, amountMinor: points * 100)
        return ledger
    }

    @Test("codes follow the pattern, are deterministic for a seed, and a redemption key issues once")
    func issuesCodes() throws {
        var ledger = ledger(points: 500)
        var book = RewardBook()
        var generator = SplitMix64(seed: 7)
        let first = try book.redeem(
            tenOff, customer: "c1", key: "r1", at: S.day(1), calendar: Self.calendar, ledger: &ledger,
            generator: &generator
        ).get()
        #expect(first.code.wholeMatch(of: /FLY-[0-9]{4}-[A-HJ-NP-Z]{4}/) != nil)
        #expect(ledger.balance(of: .available(customer: "c1")) == 400)
        let again = try book.redeem(
            tenOff, customer: "c1", key: "r1", at: S.day(1), calendar: Self.calendar, ledger: &ledger,
            generator: &generator
        ).get()
        #expect(again == first)
        #expect(ledger.balance(of: .available(customer: "c1")) == 400)

        var sameSeed = SplitMix64(seed: 7)
        #expect(CodePattern(tenOff.codePattern).generate(using: &sameSeed) == first.code)
    }

    @Test("codes never collide, even when the generator repeats itself")
    func collisionFree() throws {
        /// Draws four values, then the same four again (the same code twice), then fresh ones.
        struct Repeating: RandomNumberGenerator {
            var inner = SplitMix64(seed: 11)
            var history: [UInt64] = []
            var count = 0
            mutating func next() -> UInt64 {
                defer { count += 1 }
                if count < 4 {
                    history.append(inner.next())
                    return history[count]
                }
                return count < 8 ? history[count - 4] : inner.next()
            }
        }
        let reward = Reward(id: "tiny", name: "Tiny", kind: .freeShipping, costPoints: 1, codePattern: "C####")
        var ledger = ledger(points: 10)
        var book = RewardBook()
        var generator = Repeating()
        var seen: Set<String> = []
        for n in 0..<5 {
            let code = try book.redeem(
                reward, customer: "c1", key: "k\(n)", at: S.day(1), calendar: Self.calendar, ledger: &ledger,
                generator: &generator
            ).get()
            #expect(seen.insert(code.code).inserted)
        }
        #expect(generator.count > 20)  // the repeat was drawn and skipped
    }

    @Test("limits per period and per lifetime; not enough points is refused and costs nothing")
    func limits() {
        var ledger = ledger(points: 1_000)
        var book = RewardBook()
        var generator = SplitMix64(seed: 1)
        func redeem(_ key: String, day: Int) -> Result<DiscountCode, RedemptionError> {
            book.redeem(
                tenOff, customer: "c1", key: key, at: S.day(day), calendar: Self.calendar, ledger: &ledger,
                generator: &generator)
        }
        #expect((try? redeem("a", day: 1).get()) != nil)
        #expect((try? redeem("b", day: 2).get()) != nil)
        // Two in January already: the monthly limit.
        #expect(throws: RedemptionError.limitReached(rewardID: "ten-off", limit: tenOff.limits[0])) {
            try redeem("c", day: 3).get()
        }
        #expect((try? redeem("d", day: 40).get()) != nil)  // February
        #expect(throws: RedemptionError.limitReached(rewardID: "ten-off", limit: tenOff.limits[1])) {
            try redeem("e", day: 41).get()
        }
        #expect(ledger.balance(of: .available(customer: "c1")) == 700)

        var poor = self.ledger(points: 50)
        let refused = book.redeem(
            tenOff, customer: "c1", key: "p", at: S.day(80), calendar: Self.calendar, ledger: &poor,
            generator: &generator)
        #expect(throws: RedemptionError.self) { try refused.get() }
    }

    @Test("issued → used once, on orders above the minimum; issued → expired after valid days")
    func lifecycle() throws {
        var ledger = ledger(points: 300)
        var book = RewardBook()
        var generator = SplitMix64(seed: 3)
        let code = try book.redeem(
            tenOff, customer: "c1", key: "r1", at: S.day(0), calendar: Self.calendar, ledger: &ledger,
            generator: &generator
        ).get()
        #expect(throws: RedemptionError.belowMinimum(code: code.code, minimumMinor: 3_000, orderMinor: 2_999)) {
            try book.use(code: code.code, customer: "c1", order: "o1", orderMinor: 2_999, reward: tenOff, at: S.day(1))
                .get()
        }
        #expect(throws: RedemptionError.notTheCustomersCode(code.code)) {
            try book.use(code: code.code, customer: "c2", order: "o1", orderMinor: 5_000, reward: tenOff, at: S.day(1))
                .get()
        }
        let used = try book.use(
            code: code.code, customer: "c1", order: "o1", orderMinor: 5_000, reward: tenOff, at: S.day(1)
        ).get()
        #expect(used.status == .used(order: "o1", at: S.day(1)))
        #expect(throws: RedemptionError.self) {
            try book.use(code: code.code, customer: "c1", order: "o2", orderMinor: 5_000, reward: tenOff, at: S.day(2))
                .get()
        }

        let second = try book.redeem(
            tenOff, customer: "c1", key: "r2", at: S.day(0), calendar: Self.calendar, ledger: &ledger,
            generator: &generator
        ).get()
        #expect(book.expireCodes(at: S.day(29)).isEmpty)
        #expect(book.expireCodes(at: S.day(30)).map(\.code) == [second.code])
        #expect(book.code(second.code)?.status == .expired(at: S.day(30)))
    }

    @Test("a full refund of the order that used a code hands its points back once; a partial refund does not")
    func handBack() throws {
        var ledger = ledger(points: 300)
        var book = RewardBook()
        var generator = SplitMix64(seed: 5)
        let code = try book.redeem(
            tenOff, customer: "c1", key: "r1", at: S.day(0), calendar: Self.calendar, ledger: &ledger,
            generator: &generator
        ).get()
        _ = book.use(code: code.code, customer: "c1", order: "o1", orderMinor: 5_000, reward: tenOff, at: S.day(1))
        #expect(book.orderRefunded(order: "o1", fully: false, at: S.day(5), ledger: &ledger).isEmpty)
        #expect(ledger.balance(of: .available(customer: "c1")) == 200)
        let outcomes = book.orderRefunded(order: "o1", fully: true, at: S.day(6), ledger: &ledger)
        #expect(outcomes.flatMap(\.entries).map(\.points) == [100])
        #expect(ledger.balance(of: .available(customer: "c1")) == 300)
        #expect(book.orderRefunded(order: "o1", fully: true, at: S.day(7), ledger: &ledger) == [.alreadyApplied])
        #expect(S.balancesAreConsistent(ledger))
    }

    @Test("a granted gift issues a code once per key, takes no points, ignores limits and hands nothing back")
    func grant() throws {
        var ledger = ledger(points: 10)
        var book = RewardBook()
        var generator = SplitMix64(seed: 2)
        let gift = Reward(
            id: "gift", name: "Gift", kind: .freeProduct(sku: "G"), costPoints: 1,
            limits: [RewardLimit(count: 1, period: .lifetime)])
        let first = try book.grant(gift, customer: "c1", key: "birthday:c1:2026", at: S.day(1), generator: &generator)
            .get()
        let again = try book.grant(gift, customer: "c1", key: "birthday:c1:2026", at: S.day(2), generator: &generator)
            .get()
        #expect(again == first)
        let next = try book.grant(gift, customer: "c1", key: "birthday:c1:2027", at: S.day(366), generator: &generator)
            .get()
        #expect(next.code != first.code)
        #expect(first.points == 0)
        #expect(ledger.balance(of: .available(customer: "c1")) == 10)
        _ = book.use(code: first.code, customer: "c1", order: "o1", orderMinor: 100, reward: gift, at: S.day(3))
        #expect(book.orderRefunded(order: "o1", fully: true, at: S.day(4), ledger: &ledger).isEmpty)
    }
}
