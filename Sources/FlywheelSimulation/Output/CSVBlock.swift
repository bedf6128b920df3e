/// One block of customers' CSV rows, filled by a worker thread and then written by the caller's thread.
///
/// A block is only touched by one thread at a time: the worker between scheduling and the group's
/// completion, the caller after waiting for the group; `DispatchGroup.wait` orders the two.
final class CSVBlock: @unchecked Sendable {
    var bytes: [UInt8] = []
    var summary = SimulationSummary()
    private var history: CustomerHistory?

    /// Generates the rows of customers `range`.
    func fill(model: SimulationModel, customers range: Range<Int>) {
        var history = self.history ?? CustomerHistory(productCount: model.catalogue.items.count)
        bytes.removeAll(keepingCapacity: true)
        summary = SimulationSummary()
        model.appendCSVRows(customers: range, history: &history, to: &bytes, summary: &summary)
        summary.bytes = bytes.count
        self.history = history
    }
}
