extension AggregateSet {
    /// Adds (`sign` +1) or takes back (−1) customer `c`'s contribution, computed from its timeline.
    mutating func add(
        _ t: borrowing CustomerTimeline, customer c: Int, table: OrderTable, sign s: Int64, scratch: inout ContributionScratch
    ) {
        if s > 0 { stats.set(c, from: t) } else { stats.clear(c) }
        addNonPurchases(t, table: table, sign: s)
        let occasionCount = t.occasionCount
        guard occasionCount > 0 else { return }

        let firstRow = Int(t.purchases[0])
        let lifetimeOrders = Int64(t.purchases.count)
        let lifetimeNet = t.netTotal
        let discounted: Int64 = table.flags[firstRow].contains(.discounted) ? 1 : 0
        let acquisitionChannel = table.channel[firstRow]
        Self.categoryFacts(t, table: table, scratch: &scratch)
        Self.occasionSums(t, table: table, scratch: &scratch)

        // All-time totals.
        lifetime.buyers += s
        if occasionCount >= 2 { lifetime.repeatBuyers += s }
        if occasionCount >= loyalPurchases { lifetime.loyalBuyers += s }
        lifetime.orders += s * lifetimeOrders
        lifetime.occasions += s * Int64(occasionCount)
        lifetime.netRevenue += s * lifetimeNet
        lifetime.discountAcquired += s * discounted
        if occasionCount >= 2 {
            if scratch.hasCategory.elements[1...].contains(true) { lifetime.repeatWithCategories += s }
            if scratch.hasNewCategory.elements.contains(true) { lifetime.repeatWithNewCategory += s }
            if t.occasionNet[1...].contains(where: { $0 > t.occasionNet[0] }) { lifetime.repeatWithHigherValue += s }
        }
        for purchase in t.purchases {
            let r = Int(purchase)
            lifetime.grossRevenue += s * table.gross[r]
            lifetime.refunded += s * (table.gross[r] - table.net[r])
        }

        // Periods of each granularity.
        Self.addPeriods(&month, t, sign: s, scratch: scratch, lifetimeOrders: lifetimeOrders,
            lifetimeNet: lifetimeNet, discounted: discounted, channel: acquisitionChannel)
        Self.addPeriods(&quarter, t, sign: s, scratch: scratch, lifetimeOrders: lifetimeOrders,
            lifetimeNet: lifetimeNet, discounted: discounted, channel: acquisitionChannel)
        Self.addPeriods(&year, t, sign: s, scratch: scratch, lifetimeOrders: lifetimeOrders,
            lifetimeNet: lifetimeNet, discounted: discounted, channel: acquisitionChannel)

        cohorts.add(t, group: 0, table: table, sign: s)
        for i in 1..<occasionCount {
            gaps.add(days: Int(t.occasionDay[i] - t.occasionDay[i - 1]), sign: s)
        }
        rfm.add(lastDay: t.occasionDay[occasionCount - 1], frequency: occasionCount, monetary: lifetimeNet, sign: s)
    }

    /// Cancelled and fully refunded orders: counted in their period and in the totals, nothing else.
    private mutating func addNonPurchases(_ t: borrowing CustomerTimeline, table: OrderTable, sign s: Int64) {
        for other in t.others {
            let r = Int(other)
            let cancelled = table.flags[r].contains(.cancelled)
            let refunded = cancelled ? 0 : table.gross[r] - table.net[r]
            if cancelled { lifetime.cancelledOrders += s } else { lifetime.fullyRefundedOrders += s }
            lifetime.refunded += s * refunded
            let monthIndex = Int(table.month[r])
            for granularity in PeriodGranularity.allCases {
                let update: (inout PeriodCell) -> Void = { cell in
                    if cancelled { cell.cancelledOrders += s } else { cell.fullyRefundedOrders += s }
                    cell.refunded += s * refunded
                }
                switch granularity {
                case .month: month.cells.update(granularity.index(ofMonthIndex: monthIndex), update)
                case .quarter: quarter.cells.update(granularity.index(ofMonthIndex: monthIndex), update)
                case .year: year.cells.update(granularity.index(ofMonthIndex: monthIndex), update)
                }
            }
        }
    }

    // The helpers below are static: a non-mutating method called from the mutating `add` would copy the
    // whole set (every accumulator's storage retained and released) once per customer.

    /// Per occasion: does it name a category, and one the customer had not bought on an earlier occasion.
    private static func categoryFacts(_ t: borrowing CustomerTimeline, table: OrderTable, scratch: inout ContributionScratch) {
        scratch.hasCategory.removeAll()
        scratch.hasNewCategory.removeAll()
        scratch.seenCategories.removeAll()
        for i in 0..<t.occasionCount {
            scratch.occasionCategories.removeAll()
            for purchase in t.purchases(ofOccasion: i) {
                let r = Int(purchase)
                let start = Int(table.lineStart[r])
                for line in start..<start + Int(table.lineCount[r]) {
                    let category = table.category(ofLine: line)
                    if category >= 0 { scratch.occasionCategories.append(category) }
                }
            }
            scratch.hasCategory.append(!scratch.occasionCategories.isEmpty)
            var new = false
            for category in scratch.occasionCategories.elements where !scratch.seenCategories.elements.contains(category) {
                new = true
                scratch.seenCategories.append(category)
            }
            scratch.hasNewCategory.append(new && i > 0)
        }
    }

    /// Per occasion: the month of its first purchase, its orders and their gross sum. A period cell adds an
    /// occasion's sums instead of each purchase's amounts: the same integers, and its update no longer reads
    /// the table (whose arrays the update's closure retained and released per purchase).
    private static func occasionSums(_ t: borrowing CustomerTimeline, table: OrderTable, scratch: inout ContributionScratch) {
        scratch.occasionMonth.removeAll()
        scratch.occasionOrders.removeAll()
        scratch.occasionGross.removeAll()
        let purchases = t.purchases
        let start = t.occasionStart
        table.gross.withUnsafeBufferPointer { gross in
            for i in 0..<start.count - 1 {
                let lower = Int(start[i])
                let upper = Int(start[i + 1])
                var sum: Int64 = 0
                for k in lower..<upper { sum += gross[Int(purchases[k])] }
                scratch.occasionMonth.append(Int(table.month[Int(purchases[lower])]))
                scratch.occasionOrders.append(Int64(upper - lower))
                scratch.occasionGross.append(sum)
            }
        }
    }

    // swift-format-ignore
    private static func addPeriods(
        _ accumulator: inout PeriodAccumulator, _ t: borrowing CustomerTimeline, sign s: Int64, scratch: borrowing ContributionScratch,
        lifetimeOrders: Int64, lifetimeNet: Int64, discounted: Int64, channel: Int32
    ) {
        let granularity = accumulator.granularity
        let firstValue = t.occasionNet[0]
        var activeMarked = Int.min
        var returningMarked = Int.min
        var categoriesMarked = Int.min
        var newCategoryMarked = Int.min
        var higherMarked = Int.min
        for i in 0..<t.occasionCount {
            let period = granularity.index(ofMonthIndex: scratch.occasionMonth[i])
            let orders = scratch.occasionOrders[i]
            let net = t.occasionNet[i]
            let gross = scratch.occasionGross[i]
            let isRepeat = i > 0
            let newActive = period != activeMarked
            let newReturning = isRepeat && period != returningMarked
            let newCategories = isRepeat && scratch.hasCategory[i] && period != categoriesMarked
            let newCategory = isRepeat && scratch.hasNewCategory[i] && period != newCategoryMarked
            let higher = isRepeat && t.occasionNet[i] > firstValue && period != higherMarked
            if newActive { activeMarked = period }
            if newReturning { returningMarked = period }
            if newCategories { categoriesMarked = period }
            if newCategory { newCategoryMarked = period }
            if higher { higherMarked = period }
            accumulator.cells.update(period) { cell in
                // Sums over the occasion's purchases: what adding each purchase's amounts gave.
                cell.occasions += s
                cell.orders += s * orders
                cell.netRevenue += s * net
                cell.grossRevenue += s * gross
                cell.refunded += s * (gross - net)
                if isRepeat {
                    cell.repeatOrders += s * orders
                    cell.repeatNetRevenue += s * net
                }
                if newActive { cell.customers += s }
                if newReturning { cell.returningCustomers += s }
                if newCategories { cell.returningWithCategories += s }
                if newCategory { cell.returningWithNewCategory += s }
                if higher { cell.returningWithHigherValue += s }
                if i == 0 {
                    cell.newCustomers += s
                    cell.acquiredLifetimeOrders += s * lifetimeOrders
                    cell.acquiredLifetimeNet += s * lifetimeNet
                    cell.acquiredDiscounted += s * discounted
                }
            }
            if i == 0 {
                accumulator.updateAcquisition(channel: channel, period: period) { cell in
                    cell.newCustomers += s
                    cell.lifetimeOrders += s * lifetimeOrders
                    cell.lifetimeNet += s * lifetimeNet
                }
            }
        }
    }
}
