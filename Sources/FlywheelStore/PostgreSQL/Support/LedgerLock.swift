import FlywheelCore

/// The advisory lock that serialises ledger transactions per customer on PostgreSQL: the two-key
/// `pg_advisory_xact_lock(int, int)` with a space of its own and the customer id's stable hash. Two customers
/// whose ids hash alike merely wait for each other. Held until the transaction ends.
enum LedgerLock {
    /// The first key, "FLWL" in ASCII (ingest uses "FLWI").
    static let space: Int32 = 0x464C_574C

    /// The second key: the customer id's stable FNV-1a hash, folded to 32 bits.
    static func key(_ customer: String) -> Int32 {
        var hasher = StableHasher()
        hasher.combine(customer)
        let value = UInt64(bitPattern: hasher.value)
        return Int32(bitPattern: UInt32(truncatingIfNeeded: value ^ (value >> 32)))
    }
}
