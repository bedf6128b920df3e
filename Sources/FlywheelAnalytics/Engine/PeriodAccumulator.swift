/// The additive figures of every period of one granularity, and of the customers each period acquired
/// through each channel.
struct PeriodAccumulator: Equatable, Sendable {
    let granularity: PeriodGranularity
    /// Figures by period index.
    var cells = PeriodSeries<PeriodCell>()
    /// Acquisitions by channel (slot = channel index + 1; slot 0 is "no channel"), then period index.
    var acquisitions: [PeriodSeries<AcquisitionCell>] = []

    init(granularity: PeriodGranularity) { self.granularity = granularity }

    @inline(__always)
    mutating func updateAcquisition(channel: Int32, period: Int, _ body: (inout AcquisitionCell) -> Void) {
        let slot = Int(channel) + 1
        if acquisitions.count <= slot {
            let missing = slot + 1 - acquisitions.count
            acquisitions.append(contentsOf: repeatElement(PeriodSeries<AcquisitionCell>(), count: missing))
        }
        acquisitions[slot].update(period, body)
    }

    /// The acquisitions of one channel (`-1`: orders naming none) in period `index`.
    func acquisition(channel: Int32, period index: Int) -> AcquisitionCell {
        let slot = Int(channel) + 1
        return slot < acquisitions.count ? acquisitions[slot][index] : .zero
    }

    /// Adds the figures of `other` (of the same granularity).
    mutating func merge(_ other: PeriodAccumulator) {
        cells.merge(other.cells)
        if acquisitions.count < other.acquisitions.count {
            acquisitions.append(
                contentsOf: repeatElement(PeriodSeries<AcquisitionCell>(), count: other.acquisitions.count - acquisitions.count))
        }
        for slot in other.acquisitions.indices { acquisitions[slot].merge(other.acquisitions[slot]) }
    }

    static func == (lhs: PeriodAccumulator, rhs: PeriodAccumulator) -> Bool {
        guard lhs.granularity == rhs.granularity, lhs.cells == rhs.cells else { return false }
        let empty = PeriodSeries<AcquisitionCell>()
        for slot in 0..<max(lhs.acquisitions.count, rhs.acquisitions.count) {
            let left = slot < lhs.acquisitions.count ? lhs.acquisitions[slot] : empty
            let right = slot < rhs.acquisitions.count ? rhs.acquisitions[slot] : empty
            if left != right { return false }
        }
        return true
    }
}
