import FlywheelCore

extension SQLiteIngest {
    /// Upserts a checkout; it refers to no stored record (docs/storage.md, "Checkouts").
    mutating func upsertCheckout(_ checkout: Checkout) throws {
        let outcome = try checkouts.upsert(key: checkout.externalID, hash: checkout.contentHash) {
            try checkout.bindSQLiteColumns(to: $0)
        }
        counts.checkouts.add(outcome)
    }
}
