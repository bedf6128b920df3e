/// Points a refund should have reversed but could not, because the order's lots were already spent.
///
/// The ledger never takes them from other lots or drives a balance negative; it records them here so the
/// shop can see the cost (and, in a later design, net them against future earnings).
public struct RefundShortfall: Hashable, Sendable {
    /// The refund event.
    public let refund: SourceEvent
    /// The refunded order.
    public let order: SourceEvent
    /// The customer who earned the points.
    public let customer: String
    /// Points not reversed.
    public let points: Int64
}
