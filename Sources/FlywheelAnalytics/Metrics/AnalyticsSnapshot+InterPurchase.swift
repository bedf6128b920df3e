import Foundation

extension AnalyticsSnapshot {
    /// Time between purchases overall, per category and per product, over the customers of `segment`.
    public func interPurchaseTimes(segment: CustomerFilter = .all) throws(SegmentRuleError) -> InterPurchaseReport {
        try interPurchaseTimes(segment: segment, products: true)
    }

    /// `interPurchaseTimes(segment:)`, with the gaps per product only when `products` (the report shows
    /// overall and per category: without products, `byProduct` is empty and each line costs half).
    func interPurchaseTimes(segment: CustomerFilter, products: Bool) throws(SegmentRuleError) -> InterPurchaseReport {
        // Every customer's: computed ahead beside the engine's figures (`ReportWorkAhead`, for the report:
        // without products) when the engine was asked to.
        if segment == .all, !products, let gaps = ahead?.gaps() { return gaps }
        return Self.interPurchaseTimes(
            table: table, index: index, cutoff: cutoff, asOf: asOf, segment: segment, mask: try mask(segment),
            occasions: all.stats.occasions, products: products)
    }

    /// Time between purchases over the customers `mask` selects (all when `nil`), from the rows up to
    /// `cutoff`. `occasions` (each customer's purchase occasions, when known) skips customers with fewer
    /// than two without reading their rows; without it each customer's rows are read (the same figures: a
    /// customer with one occasion has no gap). Without `products`, `byProduct` is empty.
    static func interPurchaseTimes(
        table: OrderTable, index: CustomerOrderIndex, cutoff: Int64, asOf: Date, segment: CustomerFilter,
        mask: [Bool]?, occasions: [Int32]?, products: Bool
    ) -> InterPurchaseReport {
        var overall = GapHistogram()
        var byCategory = [GapHistogram](repeating: GapHistogram(), count: table.categories.count)
        var byProduct = [GapHistogram](repeating: GapHistogram(), count: products ? table.products.count : 0)
        var timeline = CustomerTimeline()
        // The last occasion day on which the current customer bought each category / product: a day per
        // value, valid when the value's stamp is the customer's number (no search of the customer's list,
        // no clearing between customers).
        var categoryLast = LastDays(count: table.categories.count)
        var productLast = LastDays(count: products ? table.products.count : 0)
        var seen: [Int32] = []
        // The table's line columns and the histograms read and written in place: through the arrays, every
        // access retained the column or checked that the histograms were not shared (about a third of this
        // section's time at 10 M orders). The same reads and additions in the same order.
        let customerCount = table.customers.count
        table.lineStart.withUnsafeBufferPointer { lineStart in
            table.lineCount.withUnsafeBufferPointer { lineCount in
                table.lineProduct.withUnsafeBufferPointer { lineProduct in
                    table.lineCategory.withUnsafeBufferPointer { lineCategory in
                        table.productCategory.withUnsafeBufferPointer { productCategory in
                            byCategory.withUnsafeMutableBufferPointer { byCategory in
                                byProduct.withUnsafeMutableBufferPointer { byProduct in
                                    for c in 0..<customerCount {
                                        if let occasions, occasions[c] < 2 { continue }
                                        if let mask, !mask[c] { continue }
                                        timeline.load(index.rows(of: c), table: table, cutoff: cutoff)
                                        if timeline.occasionCount < 2 { continue }
                                        for i in 0..<timeline.occasionCount {
                                            let day = timeline.occasionDay[i]
                                            if i > 0 { overall.add(days: Int(day - timeline.occasionDay[i - 1]), sign: 1) }
                                            seen.removeAll(keepingCapacity: true)
                                            let first = Int(timeline.occasionStart[i])
                                            let end = Int(timeline.occasionStart[i + 1])
                                            for k in first..<end {
                                                let r = Int(timeline.purchases[k])
                                                let start = Int(lineStart[r])
                                                for line in start..<start + Int(lineCount[r]) {
                                                    let product = lineProduct[line]
                                                    let category = OrderTable.category(
                                                        own: lineCategory[line], product: product,
                                                        productCategory: productCategory)
                                                    if category >= 0 && !seen.contains(category) {
                                                        seen.append(category)
                                                        categoryLast.record(category, day: day, customer: Int32(c), byCategory)
                                                    }
                                                    if products && product >= 0 && !seen.contains(-2 - product) {
                                                        seen.append(-2 - product)
                                                        productLast.record(product, day: day, customer: Int32(c), byProduct)
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
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

/// Per value (a category or a product), the last occasion day on which the current customer bought it, for
/// the gaps between purchases: a value's day belongs to the customer whose number is its stamp.
private struct LastDays {
    private var stamp: [Int32]
    private var day: [Int32]

    init(count: Int) {
        stamp = Array(repeating: -1, count: count)
        day = Array(repeating: 0, count: count)
    }

    /// Customer `customer` bought `value` on `day`: the gap since its last purchase of it goes into
    /// `histograms[value]` (none the first time).
    @inline(__always)
    mutating func record(
        _ value: Int32, day now: Int32, customer: Int32, _ histograms: UnsafeMutableBufferPointer<GapHistogram>
    ) {
        let v = Int(value)
        if stamp[v] == customer {
            histograms[v].add(days: Int(now - day[v]), sign: 1)
        } else {
            stamp[v] = customer
        }
        day[v] = now
    }
}
