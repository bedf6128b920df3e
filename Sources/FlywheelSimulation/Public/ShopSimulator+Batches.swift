public import FlywheelCore

extension ShopSimulator {
    /// The whole shop as ingest batches of `customersPerBatch` customers each (the last may have fewer), in a
    /// fixed order: the first batch also carries the product catalogue and the monthly marketing spend.
    ///
    /// Every batch is self-contained for the store contract: orders reference customers in the same batch;
    /// refunds, shipments and returns reference orders in it; answers and reviews reference customers and
    /// orders in it. Generated lazily, one batch at a time.
    public func batches(customersPerBatch: Int) -> some Sequence<IngestBatch> {
        precondition(customersPerBatch > 0, "customersPerBatch must be positive")
        return SimulationBatches(model: model, customersPerBatch: customersPerBatch)
    }

    /// The monthly marketing spend per paid channel (also in the first batch).
    public var marketingSpend: [MarketingSpend] { model.marketingSpend() }
}
