import FlywheelCore

extension PostgresIngest {
    /// Upserts an order. The customer it names is upserted first, as a bare customer created at the order's
    /// time (created if unknown, moved earlier if the order is older).
    mutating func upsertOrder(_ order: Order) {
        let customerRef = order.customerExternalID.map {
            touchCustomer(Customer(externalID: $0, createdAt: order.placedAt))
        }
        let key = order.externalID
        let hash = order.contentHash
        let change: RowChange
        if var state = orders[key] {
            if state.order == nil { batchOrders.append(key) }
            change = state.hash == hash ? .unchanged : .updated
            if change == .updated || state.order == nil {
                state.order = order
                state.customerRef = customerRef
                state.hash = hash
            }
            orders[key] = state
        } else {
            orders[key] = OrderState(
                ref: -Int64(newOrders.count + 1), storedHash: nil, hash: hash, order: order, customerRef: customerRef)
            newOrders.append(key)
            batchOrders.append(key)
            change = .created
        }
        counts.orders.tally(change)
    }

    /// Whether the order is stored or in the batch.
    func orderExists(_ key: String) -> Bool { orders[key] != nil }
}
