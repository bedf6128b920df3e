/// What happened to an order after it was placed, as far as the feedback that follows depends on it.
struct OrderOutcome {
    /// When the last parcel arrived, or -1 if not all arrived by the end.
    var deliveredAt: Int64 = -1
    /// A parcel arrived after its promise, or is still out past it.
    var late = false
    /// Something went wrong that was the shop's fault (damaged, defective, wrong or lost).
    var problem = false
    /// The sum of the order's refunds (cents).
    var refunded: Int64 = 0

    var isDelivered: Bool { deliveredAt >= 0 }
}
