/// One message to send: the envelope sender, the recipients and the complete RFC 5322 message (headers
/// and body, CRLF line ends). Dot-stuffing happens on the wire; do not stuff the message yourself.
public struct SMTPEnvelope: Sendable {
    /// The address for MAIL FROM (bounces go here); empty for a null reverse-path.
    public var sender: String
    /// The addresses for RCPT TO; at least one.
    public var recipients: [String]
    /// The message bytes.
    public var message: [UInt8]

    /// Creates an envelope.
    public init(sender: String, recipients: [String], message: [UInt8]) {
        self.sender = sender
        self.recipients = recipients
        self.message = message
    }
}
