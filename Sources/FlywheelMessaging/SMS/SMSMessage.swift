/// One SMS to send.
public struct SMSMessage: Sendable, Hashable {
    /// The recipient's number (E.164, e.g. +4915112345678).
    public var to: String
    /// The text.
    public var text: String
    /// The idempotency key of this logical message; a retry carries the same key.
    public var messageKey: String

    /// Creates an SMS.
    public init(to: String, text: String, messageKey: String) {
        self.to = to
        self.text = text
        self.messageKey = messageKey
    }
}
