/// What `enqueue` did: the stored message, and whether it is new (`false`: its key was already queued,
/// and the earlier message is returned unchanged).
public struct OutboxEnqueued: Sendable, Hashable {
    /// The message as stored.
    public var message: OutboxMessage
    /// Whether this call stored it.
    public var isNew: Bool

    /// A result.
    public init(message: OutboxMessage, isNew: Bool) {
        self.message = message
        self.isNew = isNew
    }
}
