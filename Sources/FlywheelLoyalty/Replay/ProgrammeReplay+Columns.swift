import FlywheelCore
public import Foundation

/// The replay of a columnar history (`ReplayOrder`: numbers, no `Order`): the same rules as `apply(.order)`
/// and `apply(.customer)` for what such a history holds, with the customer's member number given instead of
/// looked up by id, and the order id's hash instead of the id (docs/performance.md, "The loyalty replay").
extension ProgrammeReplay {
    /// Why `programme` needs more of an order than a `ReplayOrder` holds (then replay `Order`s); `nil` when it
    /// does not. Only SKU multipliers do: they need each order's lines. (Category multipliers never apply:
    /// the orders a `ReplayOrder` stands for have no categories. Paid membership is active only after a
    /// `membershipFee` event, which an order history does not have, so member prices never need the lines.)
    public static func columnarLimitation(of programme: Programme) -> String? {
        programme.earning.skuMultipliers.isEmpty ? nil : "its SKU multipliers need each order's lines"
    }

    /// `apply(.customer(…))` for a customer record of a columnar history — no birthday, and the e-mail is not
    /// kept, so no personal referral code is registered now (`referralCode(of:)` registers it when asked;
    /// an order history has no referral sign-ups that could use it). `number` is the customer's number in
    /// the history; `id` gives their id when they are new.
    public mutating func applyCustomer(number: Int, id: @autoclosure () -> String, at: Date) {
        adoptVersions(through: at)
        releaseDue(at: at)
        settleReferrals(at: at)
        _ = member(number, id: id, at: at)
    }

    /// `apply(.order(…))` for an order of a columnar history in the currency of the programme in force (the
    /// caller counts the others with `skipOrders(_:)`), whose id no other order has
    /// (`ReplayColumns.repeatedOrders`: so the order needs no ledger slot, and its id is not hashed).
    /// `newCustomerID` gives the id of customer `order.customer` when they are new. Needs a lean ledger
    /// (`keepingEntries: false`): the ledger's order lots keep no order id (the columns hold its hash only),
    /// and refunds cannot find the order by its id.
    public mutating func apply(_ order: ReplayOrder, newCustomerID: @autoclosure () -> String) {
        precondition(!ledger.keepsEntries, "a columnar replay needs a lean ledger (keepingEntries: false)")
        let at = Date(timeIntervalSince1970: TimeInterval(order.placedAt))
        adoptVersions(through: at)
        releaseDue(at: at)
        settleReferrals(at: at)
        guard let currency else {
            skippedOrders += 1
            return
        }
        let index = member(Int(order.customer), id: newCustomerID, at: at)
        let eligible = max(0, order.totalMinor)
        let qualifying = earn(
            index, slot: nil, source: "", placedAt: at, totalMinor: order.totalMinor,
            redemptionKey: { Self.redemptionKey(order) }
        ) { rules, context in
            // What `EarningRules.points(for:context:)` gives such an order (its currency refused likewise).
            rules.currency == currency.code
                ? rules.points(eligibleMinor: eligible, digits: currency.minorUnitDigits, placedAt: at, context: context)
                : nil
        }
        // Member prices need the lines; membership is never active without fee events, which a columnar
        // history does not have (see `columnarLimitation`).
        precondition(
            programme.membership == nil || !members[index].membership.isActive(at: at),
            "a columnar replay has no membership fees")
        milestones(index, qualifying: qualifying, at: at)
    }

    /// Replays one shard of a columnar history (`ReplayColumns.shard`): its customer records and orders merged
    /// in time order (at one instant records first), as `apply` of the `Customer` and `Order` events they
    /// stand for. `customerIDs` are the history's ids (`ReplayColumns.customerIDs`); `progress` hears the
    /// orders done so far every 65,536 orders.
    public mutating func apply(_ shard: ReplayShard, customerIDs: [String], progress: (Int) -> Void = { _ in }) {
        let locals = (customerIDs.count - shard.shard + shard.shards - 1) / shard.shards
        if columnMembers.count < locals {
            columnMembers.append(contentsOf: repeatElement(-1, count: locals - columnMembers.count))
        }
        let customers = shard.customers
        let orders = shard.orders
        var next = 0
        var done = 0
        for position in orders.indices {
            if position & (Self.warmAhead - 1) == 0 { warmMembers(of: orders, from: position + Self.warmAhead) }
            let order = orders[position]
            while next < customers.count, customers[next].at <= order.placedAt {
                let record = customers[next]
                applyCustomer(
                    number: Int(record.customer), id: customerIDs[shard.customerNumber(local: record.customer)],
                    at: Date(timeIntervalSince1970: TimeInterval(record.at)))
                next += 1
            }
            apply(order, newCustomerID: customerIDs[shard.customerNumber(local: order.customer)])
            done += 1
            if done & 0xFFFF == 0 { progress(done) }
        }
        for record in customers[next...] {
            applyCustomer(
                number: Int(record.customer), id: customerIDs[shard.customerNumber(local: record.customer)],
                at: Date(timeIntervalSince1970: TimeInterval(record.at)))
        }
    }

    /// How many orders ahead `apply(_:customerIDs:progress:)` loads the members it will need (a power of two).
    static var warmAhead: Int { 16 }

    /// Loads the member records and ledger books of the `warmAhead` orders from `start` into the cache ahead
    /// of their turn: at a million customers each is a cache miss, and these loads do not depend on each
    /// other, so the processor waits for them together instead of once per order (as `RecordIndex.warm`).
    private mutating func warmMembers(of orders: [ReplayOrder], from start: Int) {
        let end = min(orders.count, start + Self.warmAhead)
        guard start < end else { return }
        var sum = 0
        columnMembers.withUnsafeBufferPointer { numbers in
            members.withUnsafeBufferPointer { members in
                for position in start..<end {
                    let number = Int(orders[position].customer)
                    guard number < numbers.count, numbers[number] >= 0 else { continue }
                    let member = Int(numbers[number])
                    // The first cache line (id, ledger number, activity) and the tier state's.
                    sum &+= members[member].ledgerNumber &+ members[member].tier.periodIndex
                    sum &+= ledger.warmBooks(of: members[member].ledgerNumber)
                }
            }
        }
        warmed &+= sum
    }

    /// Counts `count` orders left out before the replay (another currency) as skipped.
    public mutating func skipOrders(_ count: Int) { skippedOrders += count }

    /// The member index of the history's customer `number`, added (`customerNumber`) when new.
    private mutating func member(_ number: Int, id: () -> String, at: Date) -> Int {
        if number < columnMembers.count {
            let known = columnMembers[number]
            if known >= 0 { return Int(known) }
        } else {
            columnMembers.append(contentsOf: repeatElement(-1, count: number + 1 - columnMembers.count))
        }
        let index = customerNumber(id(), at: at)
        columnMembers[number] = Int32(index)
        return index
    }

    /// The id standing for the order in redemption keys (`auto:<order>:<n>`): its hash, as the id is not kept.
    private static func redemptionKey(_ order: ReplayOrder) -> String {
        "#" + String(order.keyHigh, radix: 16) + "-" + String(order.keyLow, radix: 16)
    }
}
