import FlywheelLoyalty
import Foundation

/// Which shard each record of a `LoyaltyHistory` belongs to, by its customer (`ReplaySummary.shard`), so
/// that shards can be replayed at once on separate cores and their summaries combined.
struct ShardAssignments: Sendable {
    var customers: [UInt8]
    var orders: [UInt8]
    var refunds: [UInt8]
}

extension LoyaltyHistory {
    /// Every record's shard of `shards` (≤ 255): customers and orders by the customer's id, refunds by their
    /// order's customer; guest orders and refunds of orders not in the history go to shard 0 (they only count
    /// as skipped). Orders are hashed on all cores.
    func shardAssignments(shards: Int) -> ShardAssignments {
        precondition((1...255).contains(shards))
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
        var refundedOrders: [String: UInt8] = [:]
        for refund in refunds { refundedOrders[refund.orderExternalID] = 0 }
        if !refundedOrders.isEmpty {
            for (index, order) in orders.enumerated() where refundedOrders[order.externalID] != nil {
                refundedOrders[order.externalID] = orderShards[index]
            }
        }
        return ShardAssignments(
            customers: customerShards, orders: orderShards,
            refunds: refunds.map { refundedOrders[$0.orderExternalID] ?? 0 })
    }
}

/// A buffer whose disjoint ranges are written from several threads at once (each piece its own range).
private struct UncheckedBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }
}
