/// A column of a scratch record that is refilled for customer after customer (`CustomerTimeline`,
/// `ContributionScratch`): memory of its own, grown as needed and never shrunk, written without the
/// uniqueness check an array makes at every `append` and element write, and emptied without the array's
/// generic `removeAll(keepingCapacity:)` — a timeline is refilled four times per customer in a report
/// (figures, gaps, occasions, cohorts), so those costs were a measurable share of the engine pass
/// (docs/performance.md, "Eleventh round"). Not copyable: one owner, and the memory goes with it.
struct ScratchColumn<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// Elements written since the last `removeAll`.
    private(set) var count = 0

    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// Empties the column (its memory stays).
    @inline(__always)
    mutating func removeAll() { count = 0 }

    /// Makes room for `minimumCapacity` elements in all, keeping those written.
    mutating func reserveCapacity(_ minimumCapacity: Int) {
        guard minimumCapacity > capacity else { return }
        capacity = max(minimumCapacity, capacity * 2)
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { reserveCapacity(count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Adds `value` to the last element.
    @inline(__always)
    mutating func addToLast(_ value: Element) where Element: AdditiveArithmetic {
        precondition(count > 0, "adding to the last element of an empty scratch column")
        base[count - 1] += value
    }

    /// Element `i` (below `count`).
    @inline(__always)
    subscript(i: Int) -> Element {
        precondition(i >= 0 && i < count, "a scratch column read beyond its elements")
        return base[i]
    }

    /// The elements written: valid until the column is next written (or goes).
    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The elements written, to sort or rewrite in place.
    var mutableElements: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }
}
