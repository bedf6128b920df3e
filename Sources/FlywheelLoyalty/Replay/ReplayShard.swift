/// One shard of a `ReplayColumns` history, ready for `ProgrammeReplay.apply(_:customerIDs:progress:)`: its
/// customer records and its orders, each in time order, customers numbered within the shard.
public struct ReplayShard: Sendable {
    /// A customer record: when the customer becomes known (whole UTC seconds) and their number in the shard.
    public struct CustomerRecord: Hashable, Sendable {
        public var at: Int64
        public var customer: Int32
    }

    /// Which shard of how many.
    public let shard: Int
    public let shards: Int
    /// Customer records in time order.
    public var customers: [CustomerRecord]
    /// Orders in time order (ties in the history's order); `customer` is the number in the shard.
    public var orders: [ReplayOrder]

    /// The history's number (`ReplayColumns.customerIDs`) of the shard's customer `local`.
    public func customerNumber(local: Int32) -> Int { Int(local) * shards + shard }

    /// `orders` stably sorted by `placedAt`: a least-significant-digit radix sort on the time since the
    /// earliest order, 11 bits a pass, passes over digits that are all equal skipped (a year of seconds takes
    /// three passes), so sorting costs a few sequential sweeps instead of n log n comparisons.
    static func timeOrdered(_ orders: [ReplayOrder]) -> [ReplayOrder] {
        guard let first = orders.first else { return orders }
        var earliest = first.placedAt
        var latest = first.placedAt
        var sorted = true
        var previous = first.placedAt
        for order in orders {
            earliest = min(earliest, order.placedAt)
            latest = max(latest, order.placedAt)
            if order.placedAt < previous { sorted = false }
            previous = order.placedAt
        }
        if sorted { return orders }
        let span = UInt64(bitPattern: latest &- earliest)
        var source = orders
        var target = orders
        let bits = 11
        let mask: UInt64 = (1 << UInt64(bits)) - 1
        var shift: UInt64 = 0
        var counts = [Int](repeating: 0, count: 1 << bits)
        while shift < 64, span >> shift != 0 {
            for index in counts.indices { counts[index] = 0 }
            for order in source { counts[Int((UInt64(bitPattern: order.placedAt &- earliest) >> shift) & mask)] += 1 }
            if counts.contains(source.count) {  // every order has the same digit here
                shift += UInt64(bits)
                continue
            }
            var position = 0
            for index in counts.indices {
                let count = counts[index]
                counts[index] = position
                position += count
            }
            source.withUnsafeBufferPointer { from in
                target.withUnsafeMutableBufferPointer { to in
                    for order in from {
                        let digit = Int((UInt64(bitPattern: order.placedAt &- earliest) >> shift) & mask)
                        to[counts[digit]] = order
                        counts[digit] += 1
                    }
                }
            }
            swap(&source, &target)
            shift += UInt64(bits)
        }
        return source
    }
}
