import Dispatch
import Foundation

extension ShopSimulator {
    /// Customers per unit of work handed to a thread.
    static let csvBlockSize = 1_024

    /// The orders only, as the plain CSV import format, streamed through `write` in chunks of `chunkSize`
    /// bytes (the last may be shorter).
    ///
    /// Header `customer_id,datetime,amount,order_id,currency,email,sku,quantity,channel`; one row per line
    /// item; the rows of an order are adjacent; `amount` is the line's total after its share of the order's
    /// discount, so an order's rows add up to its subtotal after discount; times in UTC; customers in
    /// acquisition order, each customer's orders in time order. Cancelled orders are left out. No field
    /// ever needs quoting. Customers are generated on all cores; `write` is called on the caller's thread.
    public func writeOrdersCSV(chunkSize: Int = 1 << 20, _ write: ([UInt8]) throws -> Void) rethrows
        -> SimulationSummary
    {
        let workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 16)
        return try writeOrdersCSV(chunkSize: chunkSize, workers: workers, write)
    }

    /// `writeOrdersCSV` on `workers` threads (the output does not depend on it).
    func writeOrdersCSV(chunkSize: Int, workers: Int, _ write: ([UInt8]) throws -> Void) rethrows
        -> SimulationSummary
    {
        precondition(chunkSize > 0 && workers > 0, "chunk size and workers must be positive")
        let model = self.model
        let customers = model.config.customers
        let blockSize = ShopSimulator.csvBlockSize
        let blockCount = (customers + blockSize - 1) / blockSize
        let rounds = (blockCount + workers - 1) / workers
        // Two sets of blocks: workers fill one round while the caller writes the previous one.
        let blocks = (0..<(2 * workers)).map { _ in CSVBlock() }
        let queue = DispatchQueue.global()

        func schedule(round: Int) -> DispatchGroup {
            let group = DispatchGroup()
            for k in 0..<workers {
                let block = round * workers + k
                guard block < blockCount else { break }
                let slot = blocks[(round % 2) * workers + k]
                let range = (block * blockSize)..<min((block + 1) * blockSize, customers)
                queue.async(group: group) { slot.fill(model: model, customers: range) }
            }
            return group
        }

        var pending: DispatchGroup? = rounds > 0 ? schedule(round: 0) : nil
        defer { pending?.wait() }
        var summary = SimulationSummary()
        var out: [UInt8] = []
        out.reserveCapacity(chunkSize)
        out.append(contentsOf: SimulationModel.csvHeader)
        summary.bytes = out.count
        while out.count >= chunkSize {
            try write(Array(out[0..<chunkSize]))
            out.removeFirst(chunkSize)
        }
        for round in 0..<rounds {
            pending?.wait()
            pending = round + 1 < rounds ? schedule(round: round + 1) : nil
            for k in 0..<workers where round * workers + k < blockCount {
                let slot = blocks[(round % 2) * workers + k]
                summary.add(slot.summary)
                var offset = 0
                while offset < slot.bytes.count {
                    let count = min(chunkSize - out.count, slot.bytes.count - offset)
                    out.append(contentsOf: slot.bytes[offset..<(offset + count)])
                    offset += count
                    if out.count == chunkSize {
                        try write(out)
                        out.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        if !out.isEmpty { try write(out) }
        return summary
    }
}
