/// A cell of additive figures: each customer's contribution is added with sign +1 and taken back with −1.
protocol AdditiveCell: Equatable, Sendable {
    static var zero: Self { get }
}

extension AdditiveCell {
    var isZero: Bool { self == Self.zero }
}

/// Cells indexed by period (or any integer key), stored in an array that grows to either side on demand.
struct PeriodSeries<Cell: AdditiveCell>: Sendable, Equatable {
    private(set) var base = 0
    private(set) var cells: [Cell] = []

    /// Changes the cell at `index` (creating zero cells as needed).
    @inline(__always)
    mutating func update(_ index: Int, _ body: (inout Cell) -> Void) {
        let slot = index - base
        if slot >= 0 && slot < cells.count {
            body(&cells[slot])
            return
        }
        grow(toInclude: index)
        body(&cells[index - base])
    }

    /// The cell at `index` (zero where nothing was added).
    subscript(index: Int) -> Cell {
        let slot = index - base
        return slot >= 0 && slot < cells.count ? cells[slot] : Cell.zero
    }

    /// The indexes of cells that are not zero, ascending.
    var nonZeroIndexes: [Int] { cells.indices.filter { !cells[$0].isZero }.map { $0 + base } }

    private mutating func grow(toInclude index: Int) {
        if cells.isEmpty {
            base = index
            cells = [Cell.zero]
            return
        }
        let newBase = Swift.min(base, index)
        let newEnd = Swift.max(base + cells.count, index + 1)
        var grown = [Cell](repeating: Cell.zero, count: newEnd - newBase)
        grown.replaceSubrange((base - newBase)..<(base - newBase + cells.count), with: cells)
        base = newBase
        cells = grown
    }

    /// Equal when every index holds the same figures (zero cells and storage bounds do not matter).
    static func == (lhs: PeriodSeries, rhs: PeriodSeries) -> Bool {
        let indexes = Set(lhs.nonZeroIndexes).union(rhs.nonZeroIndexes)
        return indexes.allSatisfy { lhs[$0] == rhs[$0] }
    }
}
