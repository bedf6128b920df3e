/// Per-customer figures as columns, kept current as orders arrive: purchases, purchase occasions, first
/// and last purchase day, the acquisition order and the net spend. Customers without a purchase have zero
/// counts, day `Int32.min` and row `-1`.
struct CustomerStats: Equatable, Sendable {
    private(set) var orders: [Int32] = []
    private(set) var occasions: [Int32] = []
    private(set) var firstDay: [Int32] = []
    private(set) var lastDay: [Int32] = []
    /// The first purchase's row: acquisition channel, discount, first product and category.
    private(set) var firstRow: [Int32] = []
    private(set) var netTotal: [Int64] = []

    var count: Int { orders.count }

    /// Makes room for customers up to `count` (new ones without purchases).
    mutating func grow(to count: Int) {
        let extra = count - orders.count
        guard extra > 0 else { return }
        orders.append(contentsOf: repeatElement(0, count: extra))
        occasions.append(contentsOf: repeatElement(0, count: extra))
        firstDay.append(contentsOf: repeatElement(Int32.min, count: extra))
        lastDay.append(contentsOf: repeatElement(Int32.min, count: extra))
        firstRow.append(contentsOf: repeatElement(-1, count: extra))
        netTotal.append(contentsOf: repeatElement(0, count: extra))
    }

    /// Sets customer `c`'s figures from its timeline.
    mutating func set(_ c: Int, from timeline: borrowing CustomerTimeline) {
        guard timeline.occasionCount > 0 else {
            clear(c)
            return
        }
        orders[c] = Int32(timeline.purchases.count)
        occasions[c] = Int32(timeline.occasionCount)
        firstDay[c] = timeline.occasionDay[0]
        lastDay[c] = timeline.occasionDay[timeline.occasionCount - 1]
        firstRow[c] = timeline.purchases[0]
        netTotal[c] = timeline.netTotal
    }

    /// Forgets customer `c`'s figures.
    mutating func clear(_ c: Int) {
        orders[c] = 0
        occasions[c] = 0
        firstDay[c] = Int32.min
        lastDay[c] = Int32.min
        firstRow[c] = -1
        netTotal[c] = 0
    }

    /// Whether customer `c` made a purchase.
    @inline(__always)
    func isBuyer(_ c: Int) -> Bool { occasions[c] > 0 }

    /// Equal when every customer's figures are (customers beyond the shorter side must be empty).
    /// Takes the figures of `customers` from `other` (which covers at least them).
    mutating func take(_ customers: Range<Int>, from other: CustomerStats) {
        for c in customers {
            orders[c] = other.orders[c]
            occasions[c] = other.occasions[c]
            firstDay[c] = other.firstDay[c]
            lastDay[c] = other.lastDay[c]
            firstRow[c] = other.firstRow[c]
            netTotal[c] = other.netTotal[c]
        }
    }

    static func == (lhs: CustomerStats, rhs: CustomerStats) -> Bool {
        let common = min(lhs.count, rhs.count)
        for c in 0..<common {
            if lhs.orders[c] != rhs.orders[c] || lhs.occasions[c] != rhs.occasions[c]
                || lhs.firstDay[c] != rhs.firstDay[c] || lhs.lastDay[c] != rhs.lastDay[c]
                || lhs.firstRow[c] != rhs.firstRow[c] || lhs.netTotal[c] != rhs.netTotal[c]
            {
                return false
            }
        }
        let longer = lhs.count > rhs.count ? lhs : rhs
        return (common..<longer.count).allSatisfy { longer.occasions[$0] == 0 && longer.orders[$0] == 0 }
    }
}
