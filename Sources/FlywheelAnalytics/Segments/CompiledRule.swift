/// A segment rule with its texts resolved to the table's indexes, evaluated per customer without strings.
struct CompiledRule: Sendable {
    struct Condition: Sendable {
        let field: CustomerField
        let comparison: RuleComparison
        /// The value: a number, a flag as 0/1, or a text as index (−2: a text the table never saw).
        let value: Int64
    }

    let match: SegmentRule.Match
    let conditions: [Condition]
    /// Whether a condition needs the categories or SKUs the customer bought.
    let needsCategories: Bool
    let needsProducts: Bool

    init(_ rule: SegmentRule, table: OrderTable) {
        match = rule.match
        conditions = rule.conditions.map { condition in
            let value: Int64
            switch condition.value {
            case .number(let number): value = number
            case .flag(let flag): value = flag ? 1 : 0
            case .text(let text):
                let index: Int32? =
                    switch condition.field {
                    case .lifecycleStage:
                        LifecycleStage.named(text).map { Int32(LifecycleStage.allCases.firstIndex(of: $0)!) }
                    case .rfmSegment: RFMSegment.named(text).map { Int32(RFMSegment.allCases.firstIndex(of: $0)!) }
                    case .acquisitionChannel: table.channels.index(of: text)
                    case .firstCategory, .boughtCategory: table.categories.index(of: text)
                    case .firstProduct, .boughtProduct: table.products.index(of: text)
                    default: nil
                    }
                value = Int64(index ?? -2)
            }
            return Condition(field: condition.field, comparison: condition.comparison, value: value)
        }
        needsCategories = rule.conditions.contains { $0.field == .boughtCategory }
        needsProducts = rule.conditions.contains { $0.field == .boughtProduct }
    }

    /// Whether customer `c` matches.
    func matches(_ c: Int, _ evaluator: CustomerEvaluator) -> Bool {
        guard !conditions.isEmpty else { return match == .all }
        let categories = needsCategories ? evaluator.bought(c, products: false) : []
        let products = needsProducts ? evaluator.bought(c, products: true) : []
        for condition in conditions {
            let holds: Bool
            switch condition.field {
            case .boughtCategory, .boughtProduct:
                let values = condition.field == .boughtCategory ? categories : products
                let bought = values.contains(Int32(condition.value))
                holds = condition.comparison == .equal ? bought : condition.comparison == .notEqual ? !bought : false
            default:
                if let actual = value(of: condition.field, c, evaluator) {
                    holds = condition.comparison.holds(actual, condition.value)
                } else {
                    holds = false
                }
            }
            if holds && match == .any { return true }
            if !holds && match == .all { return false }
        }
        return match == .all
    }

    private func value(of field: CustomerField, _ c: Int, _ e: CustomerEvaluator) -> Int64? {
        let stats = e.stats
        let buyer = stats.isBuyer(c)
        let firstRow = Int(stats.firstRow[c])
        switch field {
        case .orders: return Int64(stats.orders[c])
        case .purchases: return Int64(stats.occasions[c])
        case .netSpent: return stats.netTotal[c]
        case .averageOrderValue: return Fraction.rounded(stats.netTotal[c], Int64(stats.orders[c]))
        case .daysSinceFirstPurchase: return e.daysSinceFirst(c).map(Int64.init)
        case .daysSinceLastPurchase: return e.daysSinceLast(c).map(Int64.init)
        case .lifecycleStage: return Int64(LifecycleStage.allCases.firstIndex(of: e.stage(c))!)
        case .rfmSegment: return e.rfm(c).map { Int64(RFMSegment.allCases.firstIndex(of: $0.segment)!) }
        case .rfmRecency: return e.rfm(c).map { Int64($0.recency) }
        case .rfmFrequency: return e.rfm(c).map { Int64($0.frequency) }
        case .rfmMonetary: return e.rfm(c).map { Int64($0.monetary) }
        case .vip: return e.isVIP(c) ? 1 : 0
        case .acquisitionChannel: return buyer ? Int64(e.table.channel[firstRow]) : nil
        case .acquiredWithDiscount: return buyer ? (e.table.flags[firstRow].contains(.discounted) ? 1 : 0) : nil
        case .firstCategory: return buyer ? Int64(e.table.firstCategory(ofRow: firstRow)) : nil
        case .firstProduct: return buyer ? Int64(e.table.firstProduct(ofRow: firstRow)) : nil
        case .latestNPS: return e.feedback.latestNPS[c] >= 0 ? Int64(e.feedback.latestNPS[c]) : nil
        case .reviews: return Int64(e.feedback.reviewCount[c])
        case .boughtCategory, .boughtProduct: return nil
        }
    }
}
