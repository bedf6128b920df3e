/// A cell of additive figures: each customer's contribution is added with sign +1 and taken back with −1.
protocol AdditiveCell: Equatable, Sendable {
    static var zero: Self { get }
}

extension AdditiveCell {
    /// The sum of two cells, counter by counter. Every cell type is a struct of `Int64` counters and nothing
    /// else (`AggregateMergeTests` checks each), so it is added as a row of `Int64`s — one definition that
    /// cannot forget a counter added later. Overflow traps, as the counters' own `+=` does.
    static func sum(_ lhs: Self, _ rhs: Self) -> Self {
        var result = lhs
        let lanes = MemoryLayout<Self>.size / MemoryLayout<Int64>.size
        withUnsafeMutableBytes(of: &result) { sum in
            withUnsafeBytes(of: rhs) { other in
                for lane in 0..<lanes {
                    let offset = lane * MemoryLayout<Int64>.size
                    let value = sum.load(fromByteOffset: offset, as: Int64.self)
                        + other.load(fromByteOffset: offset, as: Int64.self)
                    sum.storeBytes(of: value, toByteOffset: offset, as: Int64.self)
                }
            }
        }
        return result
    }

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
    /// Adds `other` cell by cell, as if its updates had been made here: the range held becomes the one the
    /// same updates made on one series would have given (from the lowest to the highest index touched).
    mutating func merge(_ other: PeriodSeries) {
        guard !other.cells.isEmpty else { return }
        update(other.base) { _ in }
        update(other.base + other.cells.count - 1) { _ in }
        for offset in other.cells.indices {
            let slot = other.base + offset - base
            cells[slot] = Cell.sum(cells[slot], other.cells[offset])
        }
    }

    static func == (lhs: PeriodSeries, rhs: PeriodSeries) -> Bool {
        let indexes = Set(lhs.nonZeroIndexes).union(rhs.nonZeroIndexes)
        return indexes.allSatisfy { lhs[$0] == rhs[$0] }
    }
}
