public import FlywheelCore

/// The simulated shop as ingest batches, generated lazily one batch at a time (constant memory).
///
/// Batch 0 carries the product catalogue, the monthly marketing spend and the first customers; each batch
/// carries whole customers with all their orders and everything that refers to those orders, so every
/// batch is self-contained for the store contract.
public struct SimulationBatches: Sequence, Sendable {
    let model: SimulationModel
    let customersPerBatch: Int

    /// Creates the iterator.
    public func makeIterator() -> Iterator { Iterator(model: model, customersPerBatch: customersPerBatch) }

    /// Yields the batches in order.
    public struct Iterator: IteratorProtocol {
        let model: SimulationModel
        let customersPerBatch: Int
        private var nextCustomer = 0
        private var first = true
        private var history: CustomerHistory

        init(model: SimulationModel, customersPerBatch: Int) {
            self.model = model
            self.customersPerBatch = customersPerBatch
            history = CustomerHistory(productCount: model.catalogue.items.count)
        }

        /// The next batch, or `nil` after the last customer.
        public mutating func next() -> IngestBatch? {
            let customers = model.config.customers
            guard first || nextCustomer < customers else { return nil }
            var batch = IngestBatch()
            if first {
                batch.products = model.catalogue.items.map(\.product)
                batch.marketingSpend = model.marketingSpend()
                first = false
            }
            let end = Swift.min(nextCustomer + customersPerBatch, customers)
            for index in nextCustomer..<end {
                model.generateHistory(index: index, into: &history)
                model.appendRecords(of: history, to: &batch)
            }
            nextCustomer = end
            return batch
        }
    }
}
