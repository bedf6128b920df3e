import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

/// A columnar history (`ReplayOrder`s with member numbers, `applyCustomer`) replays to the same summary as
/// the same history as `Order`s and `Customer`s — the basis of `flywheel loyalty simulate`'s columnar path.
@Suite("ProgrammeReplay: columnar orders")
struct ProgrammeReplayColumnsTests {
    typealias E = ExampleProgrammes

    /// A year of a plain-CSV-like shop: 250 customers, 3,000 orders of one to three lines (some at one
    /// instant, some of one customer at one second), 2 % in USD, a few order ids repeated; every third
    /// customer is named with an e-mail at their first order (a `Customer` record), as a CSV with an email
    /// column gives.
    struct Shop {
        var events: [ReplayEvent] = []
        /// The same history for the columnar path, in the same time order; customers numbered by their id.
        enum Column { case customer(number: Int, id: String, at: Date), order(ReplayOrder, id: String), skipped }
        var columns: [Column] = []
        /// The orders in "file" order (not in time order).
        var orders: [Order] = []
    }

    static func shop() -> Shop {
        var random = SplitMix64(seed: 5)
        let start = E.at(2026, 1, 1, hour: 0)
        var orders: [Order] = []
        for index in 0..<3_000 {
            let customer = "cust-\(random.next() % 250)"
            // Times in seconds, many shared (whole hours), some of one customer repeated.
            let seconds = Int64(random.next() % 360) * 86_400 + Int64(random.next() % 24) * 3_600
            let lines = (0..<Int(1 + random.next() % 3)).map { _ in
                LineItem(sku: "SKU-\(random.next() % 9)", quantity: 1, totalMinor: Int64(random.next() % 9_000))
            }
            let total = lines.reduce(0) { $0 + $1.totalMinor }
            let id = index % 97 == 5 ? "O\(index - 3)" : "O\(index)"  // a repeated id: the earlier one earns
            let currency: CurrencyCode = index % 50 == 7 ? .usd : .eur
            orders.append(
                Order(
                    externalID: id, customerExternalID: customer,
                    placedAt: start.addingTimeInterval(TimeInterval(seconds)), currency: currency, lineItems: lines,
                    subtotalMinor: total, totalMinor: total))
        }
        let ordered = orders.enumerated().sorted { ($0.element.placedAt, $0.offset) < ($1.element.placedAt, $1.offset) }
            .map(\.element)
        var shop = Shop()
        shop.orders = orders
        func number(_ id: String) -> Int { Int(id.dropFirst(5))! }
        var named: Set<String> = []
        var seen: Set<String> = []
        for order in ordered {
            let customer = order.customerExternalID!
            if number(customer) % 3 == 0, named.insert(customer).inserted {
                shop.events.append(
                    .customer(Customer(externalID: customer, email: "\(customer)@example.com", createdAt: order.placedAt)))
                shop.columns.append(.customer(number: number(customer), id: customer, at: order.placedAt))
            }
            shop.events.append(.order(order))
            // Repeated ids are left out before the replay (`ReplayColumns.repeatedOrders`).
            guard order.currency == .eur, seen.insert(order.externalID).inserted else {
                shop.columns.append(.skipped)
                continue
            }
            let replayOrder = ReplayOrder(
                key: ExternalIDHash.hash(order.externalID), customer: Int32(number(customer)),
                placedAt: Int64(order.placedAt.timeIntervalSince1970), totalMinor: order.totalMinor)
            shop.columns.append(.order(replayOrder, id: customer))
        }
        return shop
    }

    @Test(
        "the same summary as the Order path, for every example programme and both redemption rules",
        arguments: ["seeds-default", "starbucks-like", "sephora-like", "prime-like"])
    func columnsEqualOrders(programmeName: String) throws {
        let programme = try E.load(programmeName)
        #expect(ProgrammeReplay.columnarLimitation(of: programme) == nil)
        let shop = Self.shop()
        let end = E.at(2026, 12, 31, hour: 22)
        for redemption in [SimulatedRedemption.never, .whenAffordable] {
            var rows = ProgrammeReplay(programme: programme, calendar: E.berlin, keepingEntries: false)
            rows.redemption = redemption
            rows.apply(shop.events)
            let expected = rows.finish(at: end)
            #expect(expected.orders > 2_800 && expected.skippedOrders > 60 && expected.pointsIssued > 0)

            var columns = ProgrammeReplay(programme: programme, calendar: E.berlin, keepingEntries: false)
            columns.redemption = redemption
            for column in shop.columns {
                switch column {
                case .customer(let number, let id, let at): columns.applyCustomer(number: number, id: id, at: at)
                case .order(let order, let id): columns.apply(order, newCustomerID: id)
                case .skipped: columns.skipOrders(1)
                }
            }
            let summary = columns.finish(at: end)
            #expect(summary == expected, "\(programmeName), \(redemption)")
            #expect(columns.tierState(of: "cust-7") == rows.tierState(of: "cust-7"))
        }
    }

    /// The shop as `ReplayColumns`, in file order: customer `cust-n` is number n.
    static func columns(of shop: Shop) -> ReplayColumns {
        var columns = ReplayColumns()
        columns.customerIDs = (0..<250).map { "cust-\($0)" }
        columns.namedAt = Array(repeating: Int64.max, count: 250)
        for order in shop.orders {
            let number = Int(order.customerExternalID!.dropFirst(5))!
            let placedAt = Int64(order.placedAt.timeIntervalSince1970)
            if number % 3 == 0 { columns.namedAt[number] = min(columns.namedAt[number], placedAt) }
            guard order.currency == .eur else {
                columns.skippedOrders += 1
                continue
            }
            columns.orders.append(
                ReplayOrder(
                    key: ExternalIDHash.hash(order.externalID), customer: Int32(number), placedAt: placedAt,
                    totalMinor: order.totalMinor))
        }
        let partitions = 3
        columns.dropOrders(at: (0..<partitions).flatMap { columns.repeatedOrders(partition: $0, of: partitions) })
        return columns
    }

    @Test(
        "ReplayColumns in file order, in 1, 2 and 3 shards put in time order: the Order path's summary",
        arguments: ["seeds-default", "sephora-like"])
    func shardsOfColumnsEqualOrders(programmeName: String) throws {
        let programme = try E.load(programmeName)
        let shop = Self.shop()
        let columns = Self.columns(of: shop)
        let start = columns.orders.map(\.placedAt).min()!
        let end = E.at(2026, 12, 31, hour: 22)
        for redemption in [SimulatedRedemption.never, .whenAffordable] {
            var rows = ProgrammeReplay(programme: programme, calendar: E.berlin, keepingEntries: false)
            rows.redemption = redemption
            rows.apply(shop.events)
            let expected = rows.finish(at: end)
            for shards in 1...3 {
                var parts: [ReplaySummary] = []
                for number in 0..<shards {
                    let shard = columns.shard(number, of: shards, start: start, end: nil)
                    #expect(zip(shard.orders, shard.orders.dropFirst()).allSatisfy { $0.placedAt <= $1.placedAt })
                    var replay = ProgrammeReplay(
                        programme: programme, calendar: E.berlin, seed: UInt64(1 + number), keepingEntries: false)
                    replay.redemption = redemption
                    if number == 0 { replay.skipOrders(columns.skippedOrders) }
                    replay.apply(shard, customerIDs: columns.customerIDs)
                    parts.append(replay.finish(at: end))
                }
                let combined = ReplaySummary.combining(parts, value: programme.pointValue) ?? parts[0]
                #expect(combined == expected, "\(programmeName), \(redemption), \(shards) shards")
            }
        }
    }

    @Test("the radix sort orders by time and keeps the history's order at one instant")
    func timeOrderIsStable() {
        var random = SplitMix64(seed: 3)
        let orders = (0..<5_000).map { index in
            ReplayOrder(
                key: (UInt64(index), 0), customer: 0,
                placedAt: 1_700_000_000 + Int64(random.next() % 40_000_000) / 1_000 * 1_000,
                totalMinor: Int64(index))
        }
        let sorted = ReplayShard.timeOrdered(orders)
        let expected = orders.enumerated().sorted { ($0.element.placedAt, $0.offset) < ($1.element.placedAt, $1.offset) }
            .map(\.element)
        #expect(sorted == expected)
    }

    @Test("a programme with SKU multipliers needs the lines: the columnar path is refused")
    func skuMultipliersNeedLines() throws {
        var programme = try E.load("seeds-default")
        programme.earning.skuMultipliers = ["SKU-1": Multiplier(percent: 200)]
        #expect(ProgrammeReplay.columnarLimitation(of: programme) != nil)
    }
}
