import FlywheelCore

extension SQLiteIngest {
    /// Upserts an order with its lines and discounts. The customer it names is upserted first, as a bare
    /// customer created at the order's time (created if unknown, moved earlier if the order is older).
    mutating func upsertOrder(_ order: Order) throws {
        var customerID: Int64?
        if let customerExternalID = order.customerExternalID {
            customerID = try upsertCustomer(Customer(externalID: customerExternalID, createdAt: order.placedAt))
        }
        let hash = order.contentHash
        let outcome: UpsertOutcome
        if let stored = orders.find(order.externalID) {
            if stored.hash == hash {
                outcome = .unchanged(stored.id)
            } else {
                try flushChunks()  // the stored row, or its lines, may be pending
                try orders.overwrite(key: order.externalID, rowID: stored.id, hash: hash) {
                    try order.bindSQLiteColumns(to: $0, customerID: customerID)
                }
                for statement in [lineDelete, discountDelete] {
                    statement.reset()
                    try statement.bind(1, stored.id)
                    try statement.execute()
                }
                insertParts(of: order, orderID: stored.id)
                outcome = .updated(stored.id)
            }
        } else {
            let id = orders.insert(key: order.externalID, hash: hash) { (order, customerID, hash, $0) }
            insertParts(of: order, orderID: id)
            outcome = .created(id)
        }
        counts.orders.add(outcome)
        try flushFullChunks()
    }

    private mutating func insertParts(of order: Order, orderID: Int64) {
        for (position, line) in order.lineItems.enumerated() { lines.append((orderID, position, line)) }
        for (position, discount) in order.discounts.enumerated() { discounts.append((orderID, position, discount)) }
    }
}
