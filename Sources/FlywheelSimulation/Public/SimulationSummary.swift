/// What `ShopSimulator.writeOrdersCSV` wrote.
public struct SimulationSummary: Sendable, Hashable {
    /// Customers with at least one row (every simulated customer).
    public var customers: Int = 0
    /// Orders written (cancelled orders are not part of the CSV).
    public var orders: Int = 0
    /// Rows written, one per line item, without the header.
    public var rows: Int = 0
    /// Cancelled orders left out of the CSV.
    public var cancelledOrdersSkipped: Int = 0
    /// First orders with a discount code.
    public var discountedFirstOrders: Int = 0
    /// The sum of all `amount` values (cents): revenue after discounts, before shipping and refunds.
    public var amountMinor: Int64 = 0
    /// Bytes written, header included.
    public var bytes: Int = 0

    /// Creates an empty summary.
    public init() {}

    /// Adds another part's counts.
    mutating func add(_ other: SimulationSummary) {
        customers += other.customers
        orders += other.orders
        rows += other.rows
        cancelledOrdersSkipped += other.cancelledOrdersSkipped
        discountedFirstOrders += other.discountedFirstOrders
        amountMinor += other.amountMinor
        bytes += other.bytes
    }
}
