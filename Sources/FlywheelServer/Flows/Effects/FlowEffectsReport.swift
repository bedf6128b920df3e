/// What one batch of flow effects came to, action by action (for logs and tests).
public struct FlowEffectsReport: Sendable, Hashable {
    /// Done now: a message enqueued, points given, a coupon issued, a tag added, a ticket opened, a webhook
    /// answered with success.
    public var done = 0
    /// Done before under the same key (the batch was repeated): nothing new.
    public var repeated = 0
    /// Not done, with a timeline entry saying why (no address, erased, suppressed, a template that does not
    /// render, no loyalty programme, no webhook caller).
    public var skipped = 0
    /// Webhooks that failed (non-2xx, timeout, refused); on the timeline too.
    public var failed = 0
    /// Why each skipped or failed action was not done, in order (no customer data).
    public var reasons: [String] = []

    public init() {}
}
