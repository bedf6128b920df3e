/// Transactions in columns, the input of `CLVSummary`: per transaction a customer index (0-based, dense),
/// a day number (e.g. days since 1970-01-01 in the shop's time zone) and a value in minor units. Columns
/// rather than one struct per transaction: 10 million transactions take 160 MB and no allocation each.
public struct CLVTransactionLog: Sendable, Hashable {
    /// Customer index of each transaction.
    public private(set) var customers: [Int32]
    /// Day number of each transaction.
    public private(set) var days: [Int32]
    /// Value of each transaction in minor units (cents).
    public private(set) var values: [Int64]

    /// An empty log.
    public init() {
        customers = []
        days = []
        values = []
    }

    /// A log from columns of equal length.
    public init(customers: [Int32], days: [Int32], values: [Int64]) throws(CLVError) {
        guard days.count == customers.count, values.count == customers.count else {
            throw .mismatchedColumns([customers.count, days.count, values.count])
        }
        self.customers = customers
        self.days = days
        self.values = values
    }

    /// Number of transactions.
    public var count: Int { customers.count }

    /// Reserves room for `capacity` transactions.
    public mutating func reserveCapacity(_ capacity: Int) {
        customers.reserveCapacity(capacity)
        days.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Adds a transaction.
    public mutating func append(customer: Int, day: Int, minorUnits: Int64) {
        customers.append(Int32(customer))
        days.append(Int32(day))
        values.append(minorUnits)
    }
}
