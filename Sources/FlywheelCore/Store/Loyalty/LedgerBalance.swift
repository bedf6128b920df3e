/// A customer's cached points balance, kept by the store with every ledger transaction; always equal to the
/// sum of the customer's entries (`CustomerLedgerRecords.balance`).
public struct LedgerBalance: Hashable, Sendable {
    /// The customer.
    public var customer: String
    /// Points in the customer's `available` account.
    public var available: Int64
    /// Points in the customer's `pending` account.
    public var pending: Int64
    /// How many entries the customer's ledger holds.
    public var entryCount: Int

    /// Makes a balance.
    public init(customer: String, available: Int64 = 0, pending: Int64 = 0, entryCount: Int = 0) {
        self.customer = customer
        self.available = available
        self.pending = pending
        self.entryCount = entryCount
    }
}
