/// What the server said when it accepted a message.
public struct SMTPDeliveryReceipt: Sendable, Hashable {
    /// The reply to the end of DATA (often carries the server's queue id).
    public var reply: SMTPReply
    /// Recipients the server accepted.
    public var acceptedRecipients: [String]
    /// Recipients the server refused while it accepted others, with its reply for each.
    public var rejectedRecipients: [RejectedRecipient]

    /// A recipient the server refused.
    public struct RejectedRecipient: Sendable, Hashable {
        /// The address.
        public var address: String
        /// The server's reply to its RCPT TO.
        public var reply: SMTPReply
    }
}
