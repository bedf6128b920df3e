public import FlywheelCore

/// What the store knows beyond a batch that the batch's trigger events need: looked up by the caller (the
/// server) before detecting, so the detector stays pure.
public struct IngestTriggerContext: Sendable {
    /// For each order of the batch: its number among the customer's orders (1 = first), counted over
    /// orders not cancelled, by time placed.
    public var orderNumbers: [String: Int]
    /// Orders the batch's refunds and shipments refer to, by id (also those not in the batch).
    public var orders: [String: Order]
    /// For each refunded order: the sum of all its refunds stored, this batch's included (minor units).
    public var refundedMinor: [String: Int64]

    public init(orderNumbers: [String: Int] = [:], orders: [String: Order] = [:], refundedMinor: [String: Int64] = [:]) {
        self.orderNumbers = orderNumbers
        self.orders = orders
        self.refundedMinor = refundedMinor
    }
}
