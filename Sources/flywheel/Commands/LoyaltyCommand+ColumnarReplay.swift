import FlywheelCore
import FlywheelLoyalty
import Foundation
import Synchronization

extension LoyaltyCommand.Simulate {
    /// The shards of `columns` (customers by number modulo `count`), each put in time order on its own core.
    static func shards(of columns: ReplayColumns, count: Int, start: Int64, end: Int64?) async -> [ReplayShard] {
        await withTaskGroup(of: ReplayShard.self) { group in
            for shard in 0..<count {
                group.addTask { columns.shard(shard, of: count, start: start, end: end) }
            }
            var shards: [ReplayShard] = []
            for await shard in group { shards.append(shard) }
            return shards.sorted { $0.shard < $1.shard }
        }
    }

    /// Replays the shards of a columnar history, each on its own core, and combines their summaries — the
    /// summary one replay of all `Order`s would give (docs/loyalty.md, "All cores"; docs/performance.md).
    static func replay(
        _ shards: [ReplayShard], of columns: ReplayColumns, programme: Programme, calendar: ShopCalendar,
        redeem: SimulatedRedemption, end: Date, display: ProgressDisplay
    ) async -> ReplaySummary {
        let total = shards.reduce(0) { $0 + $1.orders.count }
        let done = EventCounter()
        let summaries = await withTaskGroup(of: ReplaySummary.self) { group in
            for shard in shards {
                group.addTask {
                    var replay = ProgrammeReplay(
                        programme: programme, calendar: calendar, seed: UInt64(1 + shard.shard), keepingEntries: false)
                    replay.redemption = redeem
                    replay.reserveCapacity(
                        orders: shard.orders.count, customers: columns.customerIDs.count / shard.shards + 1,
                        keyedOrders: false)
                    if shard.shard == 0 { replay.skipOrders(columns.skippedOrders) }
                    replay.apply(shard, customerIDs: columns.customerIDs) { _ in
                        let all = done.count.add(0x10000, ordering: .relaxed).newValue
                        display.update(
                            fraction: Double(all) / Double(max(total, 1)),
                            "replaying \(Format.count(all)) orders on \(shards.count) threads")
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
