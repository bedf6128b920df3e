import FlywheelCore
import FlywheelLoyalty
import Foundation

/// Which shard each record of a `LoyaltyHistory` belongs to, by its customer (`ReplaySummary.shard`), so
/// that shards can be replayed at once on separate cores and their summaries combined.
struct ShardAssignments: Sendable {
    /// The mark of an order no shard replays (`repeated`).
    static let noShard = UInt8.max

    var customers: [UInt8]
    /// Each order's shard, or `noShard` for a repeat of an order id that an earlier order claims.
    var orders: [UInt8]
    var refunds: [UInt8]
    /// Orders marked `noShard`: one replay would skip them (the id is taken), so the shards count them as
    /// skipped instead of replaying them.
    var repeated = 0
}

extension LoyaltyHistory {
    /// Every record's shard of `shards` (< 255): customers and orders by the customer's id, refunds by their
    /// order's customer; guest orders and refunds of orders not in the history go to shard 0 (they only count
    /// as skipped). Orders are hashed on all cores.
    ///
    /// An order id is credited once per replay: the first order in time order that can earn with it (a
    /// customer's, not cancelled, in `currency`) claims it, and one replay skips every later order with that
    /// id. Two such orders may belong to two customers, hence two shards, so the later ones are marked
    /// `ShardAssignments.noShard` here (`orderByTime()` first), and a refund goes to the shard of the order
    /// that claimed its order id.
    func shardAssignments(shards: Int, currency: CurrencyCode?) -> ShardAssignments {
        precondition((1..<Int(ShardAssignments.noShard)).contains(shards))
        @Sendable func shard(_ customer: String?) -> UInt8 {
            customer.map { UInt8(ReplaySummary.shard(of: $0, shards: shards)) } ?? 0
        }
        let customerShards = customers.map { shard($0.externalID) }
        var orderShards = [UInt8](repeating: 0, count: orders.count)
        let pieces = max(1, min(64, orders.count / 50_000))
        orderShards.withUnsafeMutableBufferPointer { buffer in
            let output = UncheckedBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                let range = (orders.count * piece / pieces)..<(orders.count * (piece + 1) / pieces)
                for index in range { output.buffer[index] = shard(orders[index].customerExternalID) }
            }
        }
        var claimed: [String: Int] = [:]
        claimed.reserveCapacity(orders.count)
        var repeated = 0
        forEachOrderIndexInTimeOrder { index in
            let order = orders[index]
            guard order.customerExternalID != nil, order.cancelledAt == nil, order.currency == currency else { return }
            if let first = claimed.updateValue(index, forKey: order.externalID) {
                claimed[order.externalID] = first
                orderShards[index] = ShardAssignments.noShard
                repeated += 1
            }
        }
        return ShardAssignments(
            customers: customerShards, orders: orderShards,
            refunds: refunds.map { refund in claimed[refund.orderExternalID].map { orderShards[$0] } ?? 0 },
            repeated: repeated)
    }
}

/// A buffer whose disjoint ranges are written from several threads at once (each piece its own range).
private struct UncheckedBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }
}
