public import FlywheelCore

/// A hard bounce: the mail server said the address does not exist. The caller adds it to the suppression
/// list (FlywheelFlows' `SuppressionList`, reason bounce) so no flow writes to it again.
public struct OutboxBounce: Sendable, Hashable {
    /// The message that bounced.
    public var messageID: String
    /// Whose address it is.
    public var customerID: String
    public var channel: OutboxChannel
    /// The address that bounced.
    public var recipient: String
    /// The server's reply.
    public var reason: String

    /// A bounce.
    public init(messageID: String, customerID: String, channel: OutboxChannel, recipient: String, reason: String) {
        self.messageID = messageID
        self.customerID = customerID
        self.channel = channel
        self.recipient = recipient
        self.reason = reason
    }
}
