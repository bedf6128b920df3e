extension FlywheelStore {
    /// Reads the shop's history page by page and hands it to `consume` as batches: customers, orders,
    /// refunds, marketing spend, survey answers and reviews (those of `kinds`), in that order (so every
    /// record's references come before it), each kind in byte order of its external id. Memory is what the
    /// consumer keeps. `progress` gets each batch after it was consumed.
    public func readHistory(
        _ kinds: HistoryKinds = .all, pageSize: Int = 10_000, progress: (IngestBatch) -> Void = { _ in },
        into consume: (IngestBatch) throws -> Void
    ) async throws {
        func drain<Item: Sendable>(
            _ fetch: (String?) async throws -> Page<Item>, _ wrap: ([Item]) -> IngestBatch
        ) async throws {
            var after: String?
            repeat {
                let page = try await fetch(after)
                let batch = wrap(page.items)
                try consume(batch)
                progress(batch)
                after = page.nextAfter
            } while after != nil
        }
        if kinds.contains(.customers) {
            try await drain({ try await customers(CustomerQuery(after: $0, limit: pageSize)) }) { IngestBatch(customers: $0) }
        }
        if kinds.contains(.orders) {
            try await drain({ try await orders(OrderQuery(after: $0, limit: pageSize)) }) { IngestBatch(orders: $0) }
        }
        if kinds.contains(.refunds) {
            try await drain({ try await refunds(ListQuery(after: $0, limit: pageSize)) }) { IngestBatch(refunds: $0) }
        }
        if kinds.contains(.marketingSpend) {
            let batch = IngestBatch(marketingSpend: try await marketingSpend())
            try consume(batch)
            progress(batch)
        }
        if kinds.contains(.surveyAnswers) {
            try await drain({ try await surveyAnswers(ListQuery(after: $0, limit: pageSize)) }) {
                IngestBatch(surveyAnswers: $0)
            }
        }
        if kinds.contains(.reviews) {
            try await drain({ try await reviews(ListQuery(after: $0, limit: pageSize)) }) { IngestBatch(reviews: $0) }
        }
    }
}
