import FlywheelCore
import FlywheelLoyalty
import Foundation

/// The history `flywheel loyalty simulate` replays: customers, orders and refunds read through the shared
/// input layer, kept by kind (a file gives them in file order, the database by kind and id), then handed to
/// the replay merged in time order.
///
/// Events outside the window are left out: orders and refunds by their time, customers created after its
/// end. A customer named several times (a file names them with each order) is one record, merged. A
/// customer created before the start (or with no creation time) is known at the start, so they get the
/// launch bonus then. At equal times customers come before orders, orders before refunds, and each
/// kind keeps its reading order.
struct LoyaltyHistory: Sendable {
    /// `[start, end)`; `nil` for open.
    struct Window: Sendable {
        var start: Date?
        var end: Date?

        func contains(_ date: Date) -> Bool {
            (start.map { date >= $0 } ?? true) && (end.map { date < $0 } ?? true)
        }
    }

    var customers: [Customer] = []
    /// Where each customer is in `customers` (a file names a customer once per order).
    private var customerIndex: [String: Int] = [:]
    var orders: [Order] = []
    var refunds: [Refund] = []
    var read = HistoryReadSummary()
    /// Orders per currency, in order of first appearance.
    private(set) var currencyCounts: [(currency: CurrencyCode, orders: Int)] = []

    /// Orders kept (all currencies).
    var orderCount: Int { orders.count }
    /// The currencies the orders are in.
    var currencies: [CurrencyCode] { currencyCounts.map(\.currency) }
    /// Orders in `currency`.
    func orders(in currency: CurrencyCode?) -> Int { currencyCounts.first { $0.currency == currency }?.orders ?? 0 }
    /// Room to reserve for customers.
    var customerEstimate: Int { max(customers.count, orders.count / 5) }

    /// The earliest order's time.
    private(set) var firstEventAt: Date?
    /// The latest order's or refund's time.
    private(set) var lastEventAt: Date?

    /// Customers, orders and refunds kept.
    var eventCount: Int { customers.count + orders.count + refunds.count }

    /// Reads `input`'s customers, orders and refunds inside `window`.
    static func read(_ input: HistoryInput, window: Window, display: ProgressDisplay) async throws -> LoyaltyHistory {
        var history = LoyaltyHistory()
        let summary = try await input.read(.all, display: display) { batch in
            history.add(batch, window: window)
        }
        history.read = summary
        history.customerIndex = [:]
        if let end = window.end { history.customers.removeAll { ($0.createdAt ?? .distantPast) >= end } }
        if let start = window.start ?? history.firstEventAt {
            for index in history.customers.indices {
                let created = history.customers[index].createdAt ?? start
                history.customers[index].createdAt = max(created, start)
            }
        }
        return history
    }

    private mutating func add(_ batch: IngestBatch, window: Window) {
        for customer in batch.customers {
            if let known = customerIndex[customer.externalID] {
                customers[known] = customers[known].merged(with: customer)
            } else {
                customerIndex[customer.externalID] = customers.count
                customers.append(customer)
            }
        }
        for order in batch.orders where window.contains(order.placedAt) {
            orders.append(order)
            if firstEventAt.map({ order.placedAt < $0 }) ?? true { firstEventAt = order.placedAt }
            if lastEventAt.map({ order.placedAt > $0 }) ?? true { lastEventAt = order.placedAt }
            if let index = currencyCounts.lastIndex(where: { $0.currency == order.currency }) {
                currencyCounts[index].orders += 1
            } else {
                currencyCounts.append((order.currency, 1))
            }
        }
        for refund in batch.refunds where window.contains(refund.createdAt) {
            refunds.append(refund)
            if lastEventAt.map({ refund.createdAt > $0 }) ?? true { lastEventAt = refund.createdAt }
        }
    }

    /// Each kind's positions in time order; `nil` where the kind already is (`orderByTime()`).
    private var customerOrder: [Int]?
    private var orderOrder: [Int]?
    private var refundOrder: [Int]?

    /// Works out the time order of each kind (sorting only what is out of order), before the replay.
    mutating func orderByTime() {
        customerOrder = Self.timeOrder(customers.map { $0.createdAt ?? .distantPast })
        orderOrder = Self.timeOrder(orders.map(\.placedAt))
        refundOrder = Self.timeOrder(refunds.map(\.createdAt))
    }

    /// Hands every event to `body` in time order (see the type's rules for ties); `orderByTime()` first.
    func forEachInTimeOrder(_ body: (ReplayEvent) -> Void) {
        forEachInTimeOrder(shard: nil, body)
    }

    /// The same for the events of one shard only (`shard.assignments` says each record's shard).
    func forEachInTimeOrder(shard: (number: UInt8, assignments: ShardAssignments)?, _ body: (ReplayEvent) -> Void) {
        var (c, o, r) = (0, 0, 0)
        func customer(_ i: Int) -> Customer { customers[customerOrder?[i] ?? i] }
        func order(_ i: Int) -> Order { orders[orderOrder?[i] ?? i] }
        func refund(_ i: Int) -> Refund { refunds[refundOrder?[i] ?? i] }
        while c < customers.count || o < orders.count || r < refunds.count {
            let customerAt = c < customers.count ? customer(c).createdAt ?? .distantPast : .distantFuture
            let orderAt = o < orders.count ? order(o).placedAt : .distantFuture
            let refundAt = r < refunds.count ? refund(r).createdAt : .distantFuture
            if c < customers.count && customerAt <= orderAt && customerAt <= refundAt {
                let index = customerOrder?[c] ?? c
                if shard.map({ $0.assignments.customers[index] == $0.number }) ?? true { body(.customer(customers[index])) }
                c += 1
            } else if o < orders.count && orderAt <= refundAt {
                let index = orderOrder?[o] ?? o
                // `noShard` orders (an order id claimed by an earlier order in another shard) reach no shard.
                if shard.map({ $0.assignments.orders[index] == $0.number }) ?? true { body(.order(orders[index])) }
                o += 1
            } else {
                let index = refundOrder?[r] ?? r
                if shard.map({ $0.assignments.refunds[index] == $0.number }) ?? true { body(.refund(refunds[index])) }
                r += 1
            }
        }
    }

    /// Hands each order's position in `orders` to `body` in time order (`orderByTime()` first).
    func forEachOrderIndexInTimeOrder(_ body: (Int) -> Void) {
        for position in orders.indices { body(orderOrder?[position] ?? position) }
    }

    /// The positions of `times` in ascending time order, stable; `nil` when they already are in order.
    private static func timeOrder(_ times: [Date]) -> [Int]? {
        var sorted = true
        for index in times.indices.dropFirst() where times[index] < times[index - 1] {
            sorted = false
            break
        }
        if sorted { return nil }
        var order = Array(times.indices)
        order.sort { times[$0] < times[$1] || (times[$0] == times[$1] && $0 < $1) }
        return order
    }
}
