import FlywheelCore
import GRDB

extension SQLiteIngest {
    static let customerByIDSQL = Customer.sqliteSelect + "\nWHERE id = ?1"

    /// Upserts a customer by merging (`Customer.merged(with:)`), and counts it once per session (every time
    /// without one). Returns the customer's row id.
    mutating func upsertCustomer(_ incoming: Customer) throws -> Int64 {
        if var known = touched[incoming.externalID] {
            let outcome = try merge(incoming, into: &known)
            touched[incoming.externalID] = known
            // In a session this customer was counted (or found counted) at its first touch in the batch.
            if counted == nil { counts.customers.add(outcome) }
            return known.id
        }

        var known: TouchedCustomer
        let outcome: UpsertOutcome
        if let stored = storedCustomers[incoming.externalID] {
            known = stored
            outcome = try merge(incoming, into: &known)
        } else {
            let hash = incoming.contentHash
            let id = customers.insert(key: nil, hash: hash) { (incoming, hash, $0) }
            known = TouchedCustomer(id: id, hash: hash, createdAt: incoming.createdAt.map(EpochMilliseconds.from))
            outcome = .created(id)
        }
        touched[incoming.externalID] = known
        if isFirstTouchInSession(known.id) { counts.customers.add(outcome) }
        try flushFullChunks()
        return known.id
    }

    /// Reads the stored customers of `keys` (row id, hash and creation time) in one statement.
    mutating func prefetchCustomers(_ keys: Set<String>) throws {
        storedCustomers = [:]
        guard !keys.isEmpty else { return }
        storedCustomers.reserveCapacity(keys.count)
        let statement = try FastStatement(
            db,
            sql: """
                SELECT external_id, id, content_hash, created_at FROM customers
                WHERE external_id IN (SELECT value FROM json_each(?1))
                """)
        statement.reset()
        defer { statement.reset() }
        try statement.bind(1, JSONArrayText.of(keys))
        while try statement.step() {
            storedCustomers[statement.text(0)] = TouchedCustomer(
                id: statement.int64(1), hash: statement.int64(2), createdAt: statement.optionalInt64(3))
        }
    }

    /// The customer as stored before the batch, or as the batch left it: its row id, hash and creation time.
    func lookUpCustomer(_ externalID: String) -> TouchedCustomer? {
        touched[externalID] ?? storedCustomers[externalID]
    }

    /// Merges `incoming` into the stored customer `known`, reading the stored row only when the merge may
    /// change it: a bare customer (an order's) changes it only by an earlier `createdAt`, any other only when
    /// its hash differs from the stored one.
    private mutating func merge(_ incoming: Customer, into known: inout TouchedCustomer) throws -> UpsertOutcome {
        if incoming.isBare {
            guard let createdAt = incoming.createdAt.map(EpochMilliseconds.from),
                known.createdAt.map({ createdAt < $0 }) ?? true
            else { return .unchanged(known.id) }
        } else if incoming.contentHash == known.hash {
            return .unchanged(known.id)
        }
        try flushChunks()  // the customer may be pending
        let row = try Row.fetchOne(
            db.cachedStatement(sql: Self.customerByIDSQL),
            arguments: [known.id])
        guard let row else { throw SQLiteStoreError.unreadableValue(table: "customers", column: "id") }
        let stored = try Customer(sqliteRow: row)
        let merged = stored.merged(with: incoming)
        guard merged != stored else { return .unchanged(known.id) }
        let hash = merged.contentHash
        try customers.overwrite(key: nil, rowID: known.id, hash: hash) { try merged.bindSQLiteColumns(to: $0) }
        known.hash = hash
        known.createdAt = merged.createdAt.map(EpochMilliseconds.from)
        return .updated(known.id)
    }

    /// Whether this touch, the customer's first in the batch, is its first in the session (always, without a
    /// session); if so, the customer is counted from now on.
    private mutating func isFirstTouchInSession(_ customerID: Int64) -> Bool {
        guard let counted else { return true }
        if counted.contains(customerID) { return false }
        newlyCounted.append(customerID)
        return true
    }
}
