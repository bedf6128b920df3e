import FlywheelCore

extension PostgresIngest {
    /// Upserts a customer by merging (`Customer.merged(with:)`), and counts it once per session (every time
    /// without one). Returns the customer's reference (see `CustomerState.ref`).
    @discardableResult
    mutating func touchCustomer(_ incoming: Customer) -> Int64 {
        let key = incoming.externalID
        let firstTouch = touchedCustomers.insert(key).inserted
        var state: CustomerState
        let change: RowChange
        if let known = customers[key] {
            state = known
            change = Self.merge(incoming, into: &state)
            if firstTouch { touchedStoredCustomers.append(key) }
        } else {
            let hash = incoming.contentHash
            state = CustomerState(
                ref: -Int64(newCustomers.count + 1), storedHash: nil, hash: hash,
                createdAt: incoming.createdAt.map { PostgresTimestamp($0).milliseconds }, record: incoming)
            newCustomers.append(key)
            change = .created
        }
        customers[key] = state
        if let counted {
            // In a session, a customer counts at its first touch in the batch, unless an earlier batch of the
            // session counted it.
            if firstTouch, state.ref < 0 || !counted.contains(state.ref) {
                counts.customers.tally(change)
                newlyCounted.append(state.ref)
            }
        } else {
            counts.customers.tally(change)
        }
        return state.ref
    }

    /// Merges `incoming` into a known customer.
    private static func merge(_ incoming: Customer, into state: inout CustomerState) -> RowChange {
        // A stored customer whose row was not read is one no record of the batch may change (the prefetch read
        // all others), so it is as stored.
        guard let record = state.record else { return .unchanged }
        let merged = record.merged(with: incoming)
        guard merged != record else { return .unchanged }
        state.record = merged
        state.hash = merged.contentHash
        state.createdAt = merged.createdAt.map { PostgresTimestamp($0).milliseconds }
        return .updated
    }

    /// Whether merging `incoming` may change the customer as `state` knows it: a record that knows more than
    /// an id and a creation time, when its hash differs; a bare one (an order's customer) only by an earlier
    /// creation time.
    static func mayChange(_ state: CustomerState, with incoming: Customer) -> Bool {
        let isBare =
            incoming.email == nil && incoming.firstName == nil && incoming.lastName == nil
            && incoming.birthday == nil && incoming.locale == nil && incoming.consent == nil
        guard isBare else { return incoming.contentHash != state.hash }
        guard let createdAt = incoming.createdAt.map({ PostgresTimestamp($0).milliseconds }) else { return false }
        return state.createdAt.map { createdAt < $0 } ?? true
    }
}
