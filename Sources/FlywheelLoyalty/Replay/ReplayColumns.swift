import FlywheelCore

/// A shop's order history in columns for `ProgrammeReplay` (`flywheel loyalty simulate` on a clean
/// plain-CSV file): customers by number, their records' times, and the orders as flat `ReplayOrder`s — no
/// `Order`, `Customer` or `String` per order. `shard(_:of:start:end:)` puts one shard's events in time order.
///
/// What it stands for is what `ProgrammeReplay` would get as `Customer` and `Order` events: each customer
/// whose rows named an e-mail is a customer record created at the earliest such order (`namedAt`), known
/// from `start` on if created before; every order is in the programme's currency (the others are only
/// counted, `skippedOrders`), not cancelled, without discounts, shipping or tax; order ids are distinct
/// once `dropOrders(at: repeatedOrders(…))` has removed the repeats.
public struct ReplayColumns: Sendable {
    /// Customer ids by number (`ReplayOrder.customer`).
    public var customerIDs: [String] = []
    /// By customer number: when their customer record was created (whole UTC seconds), `Int64.max` for none.
    public var namedAt: [Int64] = []
    /// The orders to replay, in the history's order (ties in time keep it).
    public var orders: [ReplayOrder] = []
    /// Orders left out before the replay (another currency): counted as skipped.
    public var skippedOrders = 0

    /// An empty history.
    public init() {}

    /// The positions in `orders` of repeated order ids among those whose id hash's high half is `partition`
    /// modulo `partitions`: every occurrence but the first in time order (ties: in the history's order) —
    /// the ones `ProgrammeReplay` skips as already applied. Partitions are independent (run them on several
    /// cores), then `dropOrders(at:)`. Done before sharding, since two orders with one id may belong to two
    /// customers, hence two shards.
    public func repeatedOrders(partition: Int, of partitions: Int) -> [Int] {
        var index = HashedIDIndex()
        index.reserveCapacity(orders.count / max(partitions, 1) + 16)
        var first: [Int32] = []
        first.reserveCapacity(orders.count / max(partitions, 1) + 16)
        var repeated: [Int] = []
        for position in orders.indices {
            let order = orders[position]
            guard Int(order.keyHigh % UInt64(partitions)) == partition else { continue }
            let (number, isNew) = index.claim(hash: (order.keyHigh, order.keyLow))
            if isNew {
                first.append(Int32(position))
            } else if order.placedAt < orders[Int(first[number])].placedAt {
                repeated.append(Int(first[number]))
                first[number] = Int32(position)
            } else {
                repeated.append(position)
            }
        }
        return repeated
    }

    /// Removes the orders at `positions` (from `repeatedOrders`), counting them as skipped.
    public mutating func dropOrders(at positions: some Sequence<Int>) {
        var drop = [Bool](repeating: false, count: orders.count)
        var count = 0
        for position in positions where !drop[position] {
            drop[position] = true
            count += 1
        }
        guard count > 0 else { return }
        var kept = 0
        for position in orders.indices where !drop[position] {
            orders[kept] = orders[position]
            kept += 1
        }
        orders.removeLast(orders.count - kept)
        skippedOrders += count
    }

    /// Shard `shard` of `shards` (customers by number modulo `shards`): its customer records from `start` on
    /// (those created at or after `end` left out) and its orders, each in time order — at one instant
    /// customer records first, orders in the history's order — with customer numbers divided by `shards`
    /// (`ReplayShard.customerNumber(local:)` maps them back).
    public func shard(_ shard: Int, of shards: Int, start: Int64, end: Int64?) -> ReplayShard {
        precondition(shards >= 1 && (0..<shards).contains(shard))
        var customers: [ReplayShard.CustomerRecord] = []
        var number = shard
        while number < namedAt.count {
            let created = namedAt[number]
            if created != Int64.max, end.map({ created < $0 }) ?? true {
                customers.append(.init(at: max(created, start), customer: Int32(number / shards)))
            }
            number += shards
        }
        customers.sort { ($0.at, $0.customer) < ($1.at, $1.customer) }
        var mine: [ReplayOrder] = []
        mine.reserveCapacity(orders.count / shards + orders.count / (16 * shards) + 16)
        for order in orders where Int(order.customer) % shards == shard {
            var local = order
            local.customer = order.customer / Int32(shards)
            mine.append(local)
        }
        return ReplayShard(shard: shard, shards: shards, customers: customers, orders: ReplayShard.timeOrdered(mine))
    }
}
