extension AnalyticsSnapshot {
    /// Lifecycle stages, RFM segments, VIPs and saved segments, counted over every customer.
    public func segments() -> SegmentReport {
        let stats = all.stats
        let customerCount = table.customers.count
        var stageCounts = [Int64](repeating: 0, count: LifecycleStage.allCases.count)
        var stageSpend = [Int64](repeating: 0, count: LifecycleStage.allCases.count)
        var rfmCounts = [Int64](repeating: 0, count: RFMSegment.allCases.count)
        var rfmSpend = [Int64](repeating: 0, count: RFMSegment.allCases.count)
        var vipCount: Int64 = 0
        var vipSpend: Int64 = 0
        let compiled = savedSegments.map { CompiledRule($0.rule, table: table) }
        var savedCounts = [Int64](repeating: 0, count: compiled.count)
        var savedSpend = [Int64](repeating: 0, count: compiled.count)
        // A stage's or segment's place among its cases: a few comparisons, where a dictionary hashed per customer.
        let stages = LifecycleStage.allCases
        let rfmSegments = RFMSegment.allCases
        for c in 0..<customerCount {
            let spent = stats.netTotal[c]
            let stage = stages.firstIndex(of: evaluator.stage(c))!
            stageCounts[stage] += 1
            stageSpend[stage] += spent
            if let score = evaluator.rfm(c) {
                let segment = rfmSegments.firstIndex(of: score.segment)!
                rfmCounts[segment] += 1
                rfmSpend[segment] += spent
            }
            if evaluator.isVIP(c) {
                vipCount += 1
                vipSpend += spent
            }
            for (s, rule) in compiled.enumerated() where rule.matches(c, evaluator) {
                savedCounts[s] += 1
                savedSpend[s] += spent
            }
        }
        let buyers = all.lifetime.buyers
        let all = Int64(customerCount)
        func count(_ name: String, _ n: Int64, _ spent: Int64, of total: Int64) -> SegmentCount {
            SegmentCount(segment: name, customers: Int(n), share: Fraction.ratio(n, total), netSpentMinor: spent)
        }
        return SegmentReport(
            asOf: asOf, currency: currency, lapseWindow: lapseWindow, customers: customerCount, buyers: Int(buyers),
            stages: LifecycleStage.allCases.enumerated().map {
                count($1.rawValue, stageCounts[$0], stageSpend[$0], of: all)
            },
            rfm: RFMSegment.allCases.enumerated().map { count($1.rawValue, rfmCounts[$0], rfmSpend[$0], of: buyers) },
            vipRule: options.vip, vip: count("vip", vipCount, vipSpend, of: buyers),
            saved: savedSegments.enumerated().map { count($1.name, savedCounts[$0], savedSpend[$0], of: all) })
    }
}
