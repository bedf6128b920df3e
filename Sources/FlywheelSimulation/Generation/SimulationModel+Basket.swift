extension SimulationModel {
    /// The largest number of lines an order has.
    static let maxLines = 4
    /// The most units of one product on a line.
    static let maxQuantity: Int32 = 12

    /// Chooses an order's products and quantities for an order worth `value` cents and appends its lines,
    /// whose totals add up to exactly `value`.
    ///
    /// Products come, in this order, from consumables due again (bought before, at least 80 % of their
    /// reorder cycle ago; each taken with probability 0.8), one complement of an earlier purchase not yet
    /// owned (probability 0.35, "complete the set"), and picks by the customer's category weights and the
    /// products' popularity (after the first line, another with probability 0.45). Only products that keep
    /// the basket's list price within 125 % of the value are taken, and durable goods (not consumables or
    /// tableware) only if the customer does not own them yet. Consumables and tableware then get more
    /// units while that brings the list price closer to the value. Finally the line totals are the list
    /// prices scaled so that they add up to the value exactly (in cents, largest remainders first).
    func buildBasket(_ history: inout CustomerHistory, value: Int64, day: Int32, random: inout RandomSource) {
        let start = history.lines.count
        let limit = value + value / 4
        var listSum: Int64 = 0

        func inBasket(_ product: Int, _ history: CustomerHistory) -> Bool {
            for i in start..<history.lines.count where history.lines[i].product == Int32(product) { return true }
            return false
        }
        func add(_ product: Int, _ history: inout CustomerHistory) {
            history.lines.append(LineRecord(product: Int32(product), quantity: 1, total: 0, discount: 0))
            listSum += price[product]
        }
        func fits(_ product: Int, _ history: CustomerHistory) -> Bool {
            listSum + price[product] <= limit && !inBasket(product, history)
                && (stackable[product] || history.boughtMask & (1 << UInt64(product)) == 0)
        }
        func pickByAffinity(_ history: inout CustomerHistory, random: inout RandomSource) -> Bool {
            let category = random.pick(cumulative: history.categoryCumulative)
            var total = 0.0
            for product in catalogue.byCategory[category] where fits(product, history) { total += popularity[product] }
            guard total > 0 else { return false }
            var x = random.uniform() * total
            var chosen = -1
            for product in catalogue.byCategory[category] where fits(product, history) {
                chosen = product
                x -= popularity[product]
                if x < 0 { break }
            }
            add(chosen, &history)
            return true
        }

        // Consumables due again.
        if history.boughtMask & consumableMask != 0 {
            for product in catalogue.consumables where history.boughtMask & (1 << UInt64(product)) != 0 {
                if history.lines.count - start >= SimulationModel.maxLines { break }
                let due = (day - history.lastBoughtDay[product]) * 5 >= cycleDays[product] * 4
                if due && fits(product, history) && random.chance(0.8) { add(product, &history) }
            }
        }
        // Complete the set.
        if history.lines.count - start < SimulationModel.maxLines && history.boughtMask != 0 && random.chance(0.35) {
            let count = catalogue.items.count
            let first = random.below(count)
            for k in 0..<count {
                let product = (first + k) % count
                let complement = catalogue.complement[product]
                guard complement >= 0, history.boughtMask & (1 << UInt64(product)) != 0,
                    history.boughtMask & (1 << UInt64(complement)) == 0, fits(complement, history)
                else { continue }
                add(complement, &history)
                break
            }
        }
        // Category affinity.
        var attempts = 0
        while history.lines.count - start < SimulationModel.maxLines && attempts < 6 {
            if history.lines.count > start && (value - listSum < 400 || !random.chance(0.45)) { break }
            if !pickByAffinity(&history, random: &random) { attempts += 1 }
        }
        if history.lines.count == start {
            let favourite = random.pick(cumulative: history.categoryCumulative)
            let cheapest = cheapestInCategory[favourite]
            let usable = price[cheapest] <= limit && fits(cheapest, history)
            add(usable ? cheapest : catalogue.cheapestIndex, &history)
        }
        // More units, and one more line if the basket is still far below the value.
        var rounds = 0
        while true {
            var remaining = value - listSum
            while remaining > 0 {
                var best = -1
                var bestPrice: Int64 = 0
                for i in start..<history.lines.count {
                    let product = Int(history.lines[i].product)
                    let unit = price[product]
                    if stackable[product] && history.lines[i].quantity < SimulationModel.maxQuantity
                        && unit * 4 <= remaining * 4 + unit && unit > bestPrice
                    {
                        best = i
                        bestPrice = unit
                    }
                }
                if best < 0 { break }
                history.lines[best].quantity += 1
                listSum += bestPrice
                remaining -= bestPrice
            }
            if remaining * 4 <= value || history.lines.count - start >= SimulationModel.maxLines || rounds >= 2 {
                break
            }
            rounds += 1
            var added = false
            for _ in 0..<4 where !added { added = pickByAffinity(&history, random: &random) }
            if !added { break }
        }
        // Line totals: list prices scaled to the value, exactly.
        let count = history.lines.count - start
        var weights = Quad()
        for i in 0..<count {
            let line = history.lines[start + i]
            weights[i] = Int64(line.quantity) * price[Int(line.product)]
        }
        let totals = Quad.split(value, weights: weights, count: count, total: listSum)
        for i in 0..<count { history.lines[start + i].total = totals[i] }
    }
}
