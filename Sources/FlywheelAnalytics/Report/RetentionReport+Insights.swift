extension RetentionReport {
    /// What changed between the last two complete months, largest changes first: the repeat rate, the
    /// second-month repeat share of the latest cohort that has one against the cohort before, new customers,
    /// revenue, average order value and NPS. Only figures present in both months count; changes smaller than
    /// `threshold` (relative, or points for rates and NPS) are left out, so a steady month says nothing.
    public func insights(threshold: Double = 0.05, limit: Int = 4) -> [ReportInsight] {
        var found: [ReportInsight] = []
        let complete = (monthly ?? []).filter(\.complete)
        if complete.count >= 2 {
            let now = complete[complete.count - 1]
            let before = complete[complete.count - 2]
            func add(_ kind: ReportInsight.Kind, _ value: Double?, _ previous: Double?, points: Bool) {
                guard let value, let previous else { return }
                let relative = previous == 0 ? nil : value / previous - 1
                let size = points ? abs(value - previous) : abs(relative ?? 0)
                guard size >= (points && kind == .nps ? threshold * 100 : threshold) else { return }
                found.append(
                    ReportInsight(
                        kind: kind, period: now.month, previousPeriod: before.month, value: value,
                        previousValue: previous, relativeChange: relative, difference: value - previous))
            }
            add(.repeatRate, now.repeatPurchaseRate, before.repeatPurchaseRate, points: true)
            add(.newCustomers, Double(now.newCustomers), Double(before.newCustomers), points: false)
            add(.revenue, Double(now.netRevenueMinor), Double(before.netRevenueMinor), points: false)
            add(
                .averageOrderValue, now.averageOrderValueMinor.map(Double.init),
                before.averageOrderValueMinor.map(Double.init), points: false)
            add(.nps, now.nps?.score, before.nps?.score, points: true)
        }
        // Cohorts whose month after the first purchase is over: the newest two.
        let settled = (cohorts ?? []).filter { $0.retention.count >= 3 && $0.customers > 0 }
        if settled.count >= 2 {
            let now = settled[settled.count - 1]
            let before = settled[settled.count - 2]
            let value = now.retention[1]
            let previous = before.retention[1]
            let relative = previous == 0 ? nil : value / previous - 1
            if abs(relative ?? (value - previous)) >= threshold * 2 {
                found.append(
                    ReportInsight(
                        kind: .cohortSecondMonth, period: now.cohort, previousPeriod: before.cohort, value: value,
                        previousValue: previous, relativeChange: relative, difference: value - previous))
            }
        }
        func weight(_ insight: ReportInsight) -> Double {
            switch insight.kind {
            case .repeatRate: abs(insight.difference) * 10
            case .nps: abs(insight.difference) / 10
            default: abs(insight.relativeChange ?? 1)
            }
        }
        return Array(found.sorted { weight($0) > weight($1) }.prefix(limit))
    }
}
