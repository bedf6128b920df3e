extension AnalyticsSnapshot {
    /// Every buyer's R and FM scores counted in the 5 × 5 grid.
    public func rfmGrid() -> RFMGrid {
        var grid = RFMGrid()
        for c in 0..<table.customers.count {
            if let score = evaluator.rfm(c) { grid.add(score) }
        }
        return grid
    }
}
