extension SMTPEnvelope {
    /// The envelope of a rendered message: bounces to its bounce address (or its author), recipients from
    /// its To header.
    public init(_ message: MailMessage) {
        self.init(
            sender: message.bounceAddress ?? message.from.address,
            recipients: message.to.map(\.address),
            message: message.mimeBytes())
    }
}
