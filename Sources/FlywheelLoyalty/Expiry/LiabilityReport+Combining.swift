extension LiabilityReport {
    /// One report from reports over disjoint sets of lots taken at the same instant with the same buckets:
    /// points add up, values are recomputed from the sums with `value` (each report rounded its own down).
    /// `nil` for no reports or reports whose buckets or instants differ.
    public static func combining(_ reports: [LiabilityReport], value: PointValue) -> LiabilityReport? {
        guard var total = reports.first else { return nil }
        for report in reports.dropFirst() {
            guard report.at == total.at, report.buckets.count == total.buckets.count else { return nil }
            for index in total.buckets.indices {
                guard report.buckets[index].fromMonths == total.buckets[index].fromMonths else { return nil }
                total.buckets[index].points += report.buckets[index].points
            }
            total.pendingPoints += report.pendingPoints
        }
        for index in total.buckets.indices {
            total.buckets[index].valueMinor = value.value(of: total.buckets[index].points)
        }
        total.pendingValueMinor = value.value(of: total.pendingPoints)
        return total
    }
}
