public import FlywheelCore

extension FlywheelStore {
    /// Runs `body` on `customer`'s points ledger, restored from the store, in one store transaction serialised
    /// per customer (`withLedger`), and stores what it applied: new sources, lots and entries, and the cached
    /// balance. Outcomes inside `body` are final: `.alreadyApplied` means the source was stored before (by any
    /// process), and a redemption refused for want of points was judged against the committed balance. When
    /// `body` throws, nothing is stored.
    ///
    /// Only composition: the store does the I/O, the ledger decides; this module stays pure.
    public func withPointsLedger<T: Sendable>(
        customer: String, _ body: @Sendable (inout PointsLedger) throws -> T
    ) async throws -> T {
        try await withLedger(customer: customer) { records in
            var ledger = try PointsLedger(restoring: records)
            let result = try body(&ledger)
            try ledger.append(to: &records)
            return result
        }
    }
}
