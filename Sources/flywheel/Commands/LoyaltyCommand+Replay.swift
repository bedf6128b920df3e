import FlywheelCore
import FlywheelLoyalty
import Foundation
import Synchronization

extension LoyaltyCommand.Simulate {
    /// Replays `history` through `programme` and closes the books at `end`.
    ///
    /// With more than one thread the customers are split into shards by id (`ReplaySummary.shard`), each
    /// shard replayed on its own core and the summaries combined — the same summary as one replay, because
    /// a shop's history (customers, orders, refunds) links no two customers (docs/loyalty.md, "Speed").
    static func replay(
        _ history: LoyaltyHistory, programme: Programme, calendar: ShopCalendar, redeem: SimulatedRedemption,
        end: Date, threads: Int, display: ProgressDisplay
    ) async -> ReplaySummary {
        let shards = max(1, min(threads, 64))
        let total = history.eventCount
        if shards == 1 {
            var replay = ProgrammeReplay(programme: programme, calendar: calendar, seed: 1, keepingEntries: false)
            replay.redemption = redeem
            replay.reserveCapacity(orders: history.orderCount, customers: history.customerEstimate)
            var done = 0
            history.forEachInTimeOrder { event in
                replay.apply(event)
                done += 1
                if done & 0xFFFF == 0 {
                    display.update(fraction: Double(done) / Double(max(total, 1)), "replaying \(Format.count(done)) events")
                }
            }
            display.update(fraction: 1, "closing the books")
            return replay.finish(at: end)
        }
        display.update(fraction: 0, "splitting \(Format.count(total)) events into \(shards) shards")
        let assignments = history.shardAssignments(shards: shards, currency: CurrencyCode(programme.currency))
        let done = EventCounter()
        let summaries = await withTaskGroup(of: ReplaySummary.self) { group in
            for shard in 0..<shards {
                group.addTask {
                    var replay = ProgrammeReplay(
                        programme: programme, calendar: calendar, seed: UInt64(1 + shard), keepingEntries: false)
                    replay.redemption = redeem
                    replay.reserveCapacity(
                        orders: history.orderCount / shards + 1, customers: history.customerEstimate / shards + 1)
                    // The orders no shard replays (their id is taken) are skipped, as one replay skips them.
                    if shard == 0 { replay.skipOrders(assignments.repeated) }
                    var mine = 0
                    history.forEachInTimeOrder(shard: (UInt8(shard), assignments)) { event in
                        replay.apply(event)
                        mine += 1
                        if mine & 0xFFFF == 0 {
                            let all = done.count.add(0x10000, ordering: .relaxed).newValue
                            display.update(
                                fraction: Double(all) / Double(max(total, 1)),
                                "replaying \(Format.count(all)) events on \(shards) threads")
                        }
                    }
                    return replay.finish(at: end)
                }
            }
            var summaries: [ReplaySummary] = []
            for await summary in group { summaries.append(summary) }
            return summaries
        }
        display.update(fraction: 1, "closing the books")
        return ReplaySummary.combining(summaries, value: programme.pointValue) ?? summaries[0]
    }
}

/// Events replayed so far by all shards (for the progress bar).
final class EventCounter: Sendable {
    let count = Atomic<Int>(0)
}
