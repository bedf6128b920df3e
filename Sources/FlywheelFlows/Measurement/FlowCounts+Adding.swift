import FlywheelCore

extension FlowCounts {
    /// Adds `other`'s counts and revenues (both in this currency).
    mutating func add(_ other: FlowCounts) {
        entered += other.entered
        holdoutEntered += other.holdoutEntered
        sent += other.sent
        delivered += other.delivered
        opened += other.opened
        clicked += other.clicked
        converted += other.converted
        holdoutConverted += other.holdoutConverted
        revenue = Money(minorUnits: revenue.minorUnits + other.revenue.minorUnits, currency: revenue.currency)
        holdoutRevenue = Money(
            minorUnits: holdoutRevenue.minorUnits + other.holdoutRevenue.minorUnits, currency: holdoutRevenue.currency)
    }
}
