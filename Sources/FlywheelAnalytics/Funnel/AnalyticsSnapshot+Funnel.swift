extension AnalyticsSnapshot {
    /// The funnel over the customers of `segment` (optionally only those acquired in `acquiredIn`).
    /// `referrers` are the ids of customers who referred someone; `nil` while referrals are not tracked.
    public func funnel(
        acquiredIn: Period? = nil, segment: CustomerFilter = .all, referrers: Set<String>? = nil
    ) throws(SegmentRuleError) -> FunnelReport {
        let mask = try mask(segment)
        let stats = all.stats
        let loyal = options.loyalPurchases
        let referring: [Bool]? = referrers.map { ids in
            var flags = [Bool](repeating: false, count: table.customers.count)
            for id in ids { if let c = table.customers.index(of: id) { flags[Int(c)] = true } }
            return flags
        }
        var counts = [Int64](repeating: 0, count: 4)
        var promoters = 0
        var reviewers = 0
        var referrerCount = 0
        for c in 0..<table.customers.count where stats.isBuyer(c) {
            if let mask, !mask[c] { continue }
            if let acquiredIn {
                let firstMonth = MonthIndex.of(dayNumber: Int(stats.firstDay[c]))
                let period = acquiredIn.granularity.index(ofMonthIndex: firstMonth)
                if period != acquiredIn.index { continue }
            }
            let occasions = Int(stats.occasions[c])
            let promoter = feedback.latestNPS[c] >= 9
            let reviewer = feedback.reviewCount[c] > 0
            let referrer = referring?[c] ?? false
            if promoter { promoters += 1 }
            if reviewer { reviewers += 1 }
            if referrer { referrerCount += 1 }
            counts[0] += 1
            if occasions >= 2 { counts[1] += 1 }
            if occasions >= loyal {
                counts[2] += 1
                if promoter || reviewer || referrer { counts[3] += 1 }
            }
        }
        let stages = FunnelStageName.allCases.enumerated().map { i, name in
            FunnelStage(
                stage: name, customers: Int(counts[i]),
                conversionFromPrevious: i == 0 ? nil : Fraction.ratio(counts[i], counts[i - 1]),
                shareOfFirstTime: Fraction.ratio(counts[i], counts[0]))
        }
        return FunnelReport(
            asOf: asOf, segment: segment, acquiredIn: acquiredIn, loyalPurchases: loyal, stages: stages,
            promoters: promoters, reviewers: reviewers, referrers: referrers == nil ? nil : referrerCount)
    }
}
