/// Why a flow's webhook call did not succeed.
public struct FlowWebhookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL called (the shop's own configuration, not customer data).
    public var url: String
    public var reason: String

    public init(url: String, reason: String) {
        self.url = url
        self.reason = reason
    }

    public var description: String { "webhook \(url): \(reason)" }
}
