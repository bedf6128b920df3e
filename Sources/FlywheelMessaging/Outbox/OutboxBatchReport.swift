/// What one `OutboxDelivery.deliverDue` pass did.
public struct OutboxBatchReport: Sendable, Hashable {
    /// Messages claimed.
    public var claimed = 0
    /// Accepted by the server or gateway.
    public var sent = 0
    /// Failed temporarily, to be tried again.
    public var retried = 0
    /// Failed for good (dead letters).
    public var dead = 0
    /// Not sent: the screen found the customer may no longer receive them (`OutboxScreen`).
    public var withdrawn = 0
    /// Outcomes the store did not apply because another worker had taken the message over meanwhile.
    public var superseded = 0
    /// Hard bounces among the dead (also passed to the bounce handler).
    public var bounces: [OutboxBounce] = []

    /// An empty report.
    public init() {}
}
