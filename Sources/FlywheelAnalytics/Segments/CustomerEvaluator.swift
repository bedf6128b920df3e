/// Reads one customer's facts as of an instant — stage, RFM scores, VIP, what a rule needs — from the
/// per-customer figures, the RFM distribution and the learned windows.
struct CustomerEvaluator {
    let table: OrderTable
    let stats: CustomerStats
    let ranker: RFMRanker
    let window: LapseWindow
    let options: AnalyticsOptions
    let asOfDay: Int32
    let cutoff: Int64
    /// Latest NPS score and reviews written per customer, as of the cutoff.
    let feedback: FeedbackFacts
    /// Customers' rows in time order; `nil`: follow the table's per-customer links.
    let index: CustomerOrderIndex?

    func daysSinceLast(_ c: Int) -> Int? { stats.isBuyer(c) ? Int(asOfDay) - Int(stats.lastDay[c]) : nil }

    func daysSinceFirst(_ c: Int) -> Int? { stats.isBuyer(c) ? Int(asOfDay) - Int(stats.firstDay[c]) : nil }

    func stage(_ c: Int) -> LifecycleStage {
        LifecycleStage.of(
            occasions: Int(stats.occasions[c]), daysSinceLast: daysSinceLast(c) ?? 0, window: window,
            loyalPurchases: options.loyalPurchases)
    }

    func rfm(_ c: Int) -> RFMScore? {
        guard stats.isBuyer(c) else { return nil }
        return ranker.score(lastDay: stats.lastDay[c], frequency: Int(stats.occasions[c]), monetary: stats.netTotal[c])
    }

    func isVIP(_ c: Int) -> Bool {
        guard stats.isBuyer(c) else { return false }
        switch options.vip {
        case .topShare(let basisPoints):
            return ranker.isTop(monetary: stats.netTotal[c], basisPoints: basisPoints)
        case .thresholds(let minimumSpend, let minimumPurchases):
            if let minimumSpend, stats.netTotal[c] < minimumSpend { return false }
            if let minimumPurchases, Int(stats.occasions[c]) < minimumPurchases { return false }
            return true
        }
    }

    /// The categories (`products: false`) or SKUs bought in the customer's purchases up to the cutoff.
    func bought(_ c: Int, products: Bool) -> [Int32] {
        var result: [Int32] = []
        let rows: [Int32] = index.map { Array($0.rows(of: c)) } ?? table.rows(ofCustomer: Int32(c))
        for row in rows {
            let r = Int(row)
            guard table.flags[r].isPurchase, table.placedAt[r] <= cutoff else { continue }
            let start = Int(table.lineStart[r])
            for line in start..<start + Int(table.lineCount[r]) {
                let value = products ? table.lineProduct[line] : table.category(ofLine: line)
                if value >= 0 && !result.contains(value) { result.append(value) }
            }
        }
        return result
    }

    /// The customer's profile, with the saved segments it belongs to.
    func profile(_ c: Int, savedSegments: [String]) -> CustomerProfile {
        let buyer = stats.isBuyer(c)
        let firstRow = Int(stats.firstRow[c])
        let score = rfm(c)
        return CustomerProfile(
            customerID: table.customers.externalIDs[c], orders: Int(stats.orders[c]),
            purchases: Int(stats.occasions[c]), netSpentMinor: stats.netTotal[c],
            averageOrderValueMinor: Fraction.rounded(stats.netTotal[c], Int64(stats.orders[c])),
            firstPurchaseDay: buyer ? CivilDateText.iso(Int(stats.firstDay[c])) : nil,
            lastPurchaseDay: buyer ? CivilDateText.iso(Int(stats.lastDay[c])) : nil,
            daysSinceFirstPurchase: daysSinceFirst(c), daysSinceLastPurchase: daysSinceLast(c), stage: stage(c),
            rfm: score, rfmSegment: score?.segment, isVIP: isVIP(c),
            acquisitionChannel: buyer ? table.channels.value(at: table.channel[firstRow]) : nil,
            acquiredWithDiscount: buyer ? table.flags[firstRow].contains(.discounted) : nil,
            firstCategory: buyer ? table.categories.value(at: table.firstCategory(ofRow: firstRow)) : nil,
            firstProduct: buyer ? table.products.value(at: table.firstProduct(ofRow: firstRow)) : nil,
            latestNPS: feedback.latestNPS[c] >= 0 ? Int(feedback.latestNPS[c]) : nil,
            reviews: Int(feedback.reviewCount[c]),
            savedSegments: savedSegments)
    }
}
