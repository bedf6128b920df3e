extension AnalyticsSnapshot {
    /// Time between purchases overall, per category and per product, over the customers of `segment`.
    public func interPurchaseTimes(segment: CustomerFilter = .all) throws(SegmentRuleError) -> InterPurchaseReport {
        let mask = try mask(segment)
        var overall = GapHistogram()
        var byCategory = [GapHistogram](repeating: GapHistogram(), count: table.categories.count)
        var byProduct = [GapHistogram](repeating: GapHistogram(), count: table.products.count)
        var timeline = CustomerTimeline()
        // The last occasion day on which the customer bought each category / product (small: few per customer).
        var lastCategoryDay: [(value: Int32, day: Int32)] = []
        var lastProductDay: [(value: Int32, day: Int32)] = []
        var seen: [Int32] = []
        func record(
            _ value: Int32, day: Int32, in last: inout [(value: Int32, day: Int32)], _ histograms: inout [GapHistogram]
        ) {
            if let k = last.firstIndex(where: { $0.value == value }) {
                histograms[Int(value)].add(days: Int(day - last[k].day), sign: 1)
                last[k].day = day
            } else {
                last.append((value, day))
            }
        }
        for c in 0..<table.customers.count where all.stats.occasions[c] >= 2 {
            if let mask, !mask[c] { continue }
            timeline.load(index.rows(of: c), table: table, cutoff: cutoff)
            lastCategoryDay.removeAll(keepingCapacity: true)
            lastProductDay.removeAll(keepingCapacity: true)
            for i in 0..<timeline.occasionCount {
                let day = timeline.occasionDay[i]
                if i > 0 { overall.add(days: Int(day - timeline.occasionDay[i - 1]), sign: 1) }
                seen.removeAll(keepingCapacity: true)
                for purchase in timeline.purchases(ofOccasion: i) {
                    let r = Int(purchase)
                    let start = Int(table.lineStart[r])
                    for line in start..<start + Int(table.lineCount[r]) {
                        let category = table.category(ofLine: line)
                        if category >= 0 && !seen.contains(category) {
                            seen.append(category)
                            record(category, day: day, in: &lastCategoryDay, &byCategory)
                        }
                        let product = table.lineProduct[line]
                        if product >= 0 && !seen.contains(-2 - product) {
                            seen.append(-2 - product)
                            record(product, day: day, in: &lastProductDay, &byProduct)
                        }
                    }
                }
            }
        }
        func grouped(_ histograms: [GapHistogram], names: StringInterner) -> [GroupedInterPurchase] {
            histograms.enumerated()
                .compactMap { index, histogram in
                    InterPurchaseStats(histogram).map { GroupedInterPurchase(name: names.values[index], stats: $0) }
                }
                .sorted { ($0.stats.gaps, $1.name) > ($1.stats.gaps, $0.name) }
        }
        return InterPurchaseReport(
            asOf: asOf, segment: segment, overall: InterPurchaseStats(overall),
            byCategory: grouped(byCategory, names: table.categories),
            byProduct: grouped(byProduct, names: table.products))
    }
}
