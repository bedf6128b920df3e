/// What the id index decided for each order of a piece (`OrderIndexStage`), computed beside the table load
/// so that the load itself probes no index: per order the row it becomes or replaces, and its local day.
struct PieceResolution: Sendable {
    /// Per order: `row ≥ 0` a new row (the table's next), `-(row + 2)` a repeated id replacing `row`,
    /// `otherCurrency` an order in another currency (not indexed).
    var rows: [Int32] = []
    /// Per order in another currency: the row already held under its id, `-1` none.
    var heldForOtherCurrency: [Int: Int32] = [:]
    /// Per order: the shop-local day of `placedAt` (`LocalDayConverter`).
    var day: [Int32] = []

    /// The marker of an order in another currency in `rows`.
    static let otherCurrency = Int32.min

    /// The row already held under order `i`'s id, `nil` when the order is new.
    func held(_ i: Int) -> Int32? {
        let row = rows[i]
        if row == Self.otherCurrency {
            let held = heldForOtherCurrency[i] ?? -1
            return held >= 0 ? held : nil
        }
        return row <= -2 ? -(row + 2) : nil
    }

    /// How many orders from `lower` on (below `upper`) are new rows in the table's currency.
    func newRun(from lower: Int, upTo upper: Int) -> Int {
        var i = lower
        while i < upper && rows[i] >= 0 { i += 1 }
        return i - lower
    }
}
