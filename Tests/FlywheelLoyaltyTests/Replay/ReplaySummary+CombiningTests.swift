import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

/// A replay split by customer into shards, each shard replayed alone and the summaries combined, equals the
/// replay of everything — the basis of `flywheel loyalty simulate --threads`.
@Suite("ReplaySummary: combining shards")
struct ReplaySummaryCombiningTests {
    typealias E = ExampleProgrammes

    /// A year of a small shop: 60 customers, orders of varied size, some refunded, some birthdays.
    static func events() -> [ReplayEvent] {
        var random = SplitMix64(seed: 11)
        var events: [ReplayEvent] = []
        for n in 0..<60 {
            let birthday = n % 4 == 0 ? CivilDate(year: 1990, month: 1 + n % 12, day: 1 + n % 27) : nil
            events.append(
                .customer(
                    Customer(
                        externalID: "c\(n)", email: "c\(n)@example.com", birthday: birthday,
                        createdAt: E.at(2026, 1, 1))))
        }
        for index in 0..<900 {
            let day = 1 + index * 360 / 900
            let at = E.at(2026, 1, 1).addingTimeInterval(Double(day) * 86_400 + Double(index % 7) * 3_600)
            let customer = "c\(Int(random.next() % 60))"
            let amount = Int64(500 + random.next() % 25_000)
            events.append(E.order("O\(index)", customer, at, amount))
            if random.next() % 10 == 0 {
                events.append(
                    E.refund("R\(index)", of: "O\(index)", at.addingTimeInterval(3 * 86_400), amount / Int64(1 + random.next() % 3)))
            }
        }
        return events.sorted { $0.at < $1.at }
    }

    @Test(
        "shards replayed alone and combined give the whole replay's summary",
        arguments: ["seeds-default", "starbucks-like", "sephora-like", "prime-like"])
    func shardsEqualWhole(programmeName: String) throws {
        let programme = try E.load(programmeName)
        let events = Self.events()
        let end = E.at(2026, 12, 31)
        var owners: [String: String] = [:]
        for case .order(let order) in events { owners[order.externalID] = order.customerExternalID ?? "" }
        let customers = events.map { Self.customer(of: $0, owners: owners) }
        for redemption in [SimulatedRedemption.never, .whenAffordable] {
            var whole = ProgrammeReplay(programme: programme, calendar: E.berlin, keepingEntries: false)
            whole.redemption = redemption
            whole.apply(events)
            let expected = whole.finish(at: end)
            #expect(expected.orders > 800)

            for shards in [2, 3] {
                var parts: [ReplaySummary] = []
                for shard in 0..<shards {
                    var replay = ProgrammeReplay(
                        programme: programme, calendar: E.berlin, seed: UInt64(1 + shard), keepingEntries: false)
                    replay.redemption = redemption
                    replay.apply(
                        events.indices.filter { ReplaySummary.shard(of: customers[$0], shards: shards) == shard }
                            .map { events[$0] })
                    parts.append(replay.finish(at: end))
                }
                #expect(parts.allSatisfy { $0.orders > 0 }, "every shard got customers")
                let combined = ReplaySummary.combining(parts, value: programme.pointValue)
                #expect(combined == expected, "\(programmeName), \(redemption), \(shards) shards")
            }
        }
    }

    /// The customer an event belongs to (a refund: its order's customer).
    static func customer(of event: ReplayEvent, owners: [String: String]) -> String {
        switch event {
        case .customer(let customer): return customer.externalID
        case .order(let order): return order.customerExternalID ?? ""
        case .refund(let refund): return owners[refund.orderExternalID] ?? ""
        case .redeem(let customer, _, _, _), .action(let customer, _, _, _), .membershipFee(let customer, _),
            .segment(let customer, _, _), .tierGrant(let customer, _, _, _):
            return customer
        case .referral(let friend, _, _, _): return friend
        }
    }

    @Test("liability values are recomputed from the summed points, not summed rounded values")
    func liabilityRounding() throws {
        let value = PointValue(points: 100, valueMinor: 1_000)
        let at = E.at(2026, 6, 1)
        var a = LiabilityReport(
            openLots: [], value: value, at: at, calendar: E.berlin)
        var b = a
        a.buckets[0].points = 5
        a.buckets[0].valueMinor = value.value(of: 5)
        b.buckets[0].points = 5
        b.buckets[0].valueMinor = value.value(of: 5)
        let combined = try #require(LiabilityReport.combining([a, b], value: value))
        #expect(combined.buckets[0].points == 10)
        #expect(combined.buckets[0].valueMinor == 100)
        #expect(a.buckets[0].valueMinor + b.buckets[0].valueMinor == 100)  // 50 + 50, here equal
        var c = a
        c.buckets[0].points = 3
        c.buckets[0].valueMinor = value.value(of: 3)  // 30
        let odd = PointValue(points: 3, valueMinor: 1)
        let rounded = try #require(LiabilityReport.combining([c, c], value: odd))
        #expect(rounded.buckets[0].valueMinor == 2)  // 6 points → 2, not 1 + 1 from each part's own rounding
        var later = a
        later.at = at.addingTimeInterval(1)
        #expect(LiabilityReport.combining([a, later], value: value) == nil)
    }
}
