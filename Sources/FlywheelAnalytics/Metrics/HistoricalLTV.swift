/// Historical lifetime value of a set of customers up to the snapshot's instant, both ways the seeds ask
/// for. Money in minor units.
public struct HistoricalLTV: Hashable, Codable, Sendable {
    /// The customers it is over (the buyers acquired in the period, or all buyers).
    public var customers: Int
    /// The exact sum: their net revenue ÷ customers.
    public var exactMinor: Int64
    /// Their average order value and purchases per customer.
    public var averageOrderValueMinor: Int64
    public var ordersPerCustomer: Double
    /// The margin applied, in basis points.
    public var marginBasisPoints: Int
    /// The seeds' formula: AOV × orders per customer × margin (computed unrounded, then rounded once; it is
    /// the exact sum times the margin).
    public var formulaMinor: Int64

    /// The LTV of `customers` customers with `orders` purchases worth `net` in total; `nil` for none.
    init?(customers: Int64, orders: Int64, net: Int64, marginBasisPoints: Int) {
        guard customers > 0, orders > 0 else { return nil }
        self.customers = Int(customers)
        exactMinor = Fraction.rounded(net, customers)!
        averageOrderValueMinor = Fraction.rounded(net, orders)!
        ordersPerCustomer = Double(orders) / Double(customers)
        self.marginBasisPoints = marginBasisPoints
        formulaMinor = Fraction.rounded(net * Int64(marginBasisPoints), customers * 10_000)!
    }
}
