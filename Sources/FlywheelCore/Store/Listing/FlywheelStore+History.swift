extension FlywheelStore {
    /// Reads the shop's whole history page by page and hands it to `consume` as batches: customers, orders,
    /// refunds, marketing spend, survey answers and reviews, in that order (so every record's references
    /// come before it), each kind in byte order of its external id. Memory is what the consumer keeps.
    /// `progress` gets the records read so far after every page.
    public func readHistory(
        pageSize: Int = 10_000, progress: (Int) -> Void = { _ in }, into consume: (IngestBatch) throws -> Void
    ) async throws {
        var read = 0
        func drain<Item: Sendable>(
            _ fetch: (String?) async throws -> Page<Item>, _ wrap: ([Item]) -> IngestBatch
        ) async throws {
            var after: String?
            repeat {
                let page = try await fetch(after)
                try consume(wrap(page.items))
                read += page.items.count
                progress(read)
                after = page.nextAfter
            } while after != nil
        }
        try await drain({ try await customers(CustomerQuery(after: $0, limit: pageSize)) }) { IngestBatch(customers: $0) }
        try await drain({ try await orders(OrderQuery(after: $0, limit: pageSize)) }) { IngestBatch(orders: $0) }
        try await drain({ try await refunds(ListQuery(after: $0, limit: pageSize)) }) { IngestBatch(refunds: $0) }
        try consume(IngestBatch(marketingSpend: try await marketingSpend()))
        try await drain({ try await surveyAnswers(ListQuery(after: $0, limit: pageSize)) }) {
            IngestBatch(surveyAnswers: $0)
        }
        try await drain({ try await reviews(ListQuery(after: $0, limit: pageSize)) }) { IngestBatch(reviews: $0) }
    }
}
