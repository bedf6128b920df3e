/// Why one delivery attempt failed, in the terms the outbox acts on: temporary (retry) or permanent
/// (dead at once), and whether it is a hard bounce (the address does not exist: suppress it).
public struct OutboxFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for `lastError` (the server's reply or the gateway's status; never credentials).
    public var reason: String
    /// Whether another attempt cannot help (a 5xx SMTP reply to the message, HTTP 4xx other than 408/425/429).
    public var isPermanent: Bool
    /// Whether the mail server refused the recipient as unknown (550/551/553 to RCPT, or 5.1.x).
    public var isHardBounce: Bool

    /// A failure.
    public init(reason: String, isPermanent: Bool, isHardBounce: Bool = false) {
        self.reason = reason
        self.isPermanent = isPermanent
        self.isHardBounce = isHardBounce
    }

    /// An SMTP failure. Permanent only when the server refused this message: a 5xx reply to its sender,
    /// recipient or content. Everything about the connection — 4xx replies, lost connections, timeouts, and
    /// the mail server's configuration (TLS, certificates, authentication, a missing STARTTLS) — is
    /// temporary for the message: it stays queued and is retried with backoff while the operator fixes the
    /// server (an expired certificate or a changed password must not turn every queued message into a dead
    /// letter at once).
    public init(_ error: SMTPError) {
        let messageStages: Set<SMTPError.Stage> = [.mailFrom, .recipient, .data, .message]
        var permanent = false
        var bounce = false
        if let reply = error.reply, reply.isPermanentNegative, let stage = error.stage, messageStages.contains(stage) {
            permanent = true
            let unknownAddress = reply.enhancedStatus.map { $0.hasPrefix("5.1.") } ?? false
            bounce = unknownAddress || (stage == .recipient && [550, 551, 553].contains(reply.code))
        }
        let reason = permanent || error.isRetryable
            ? error.description
            : error.description.replacingOccurrences(of: " [permanent]", with: " [mail server configuration; retried]")
        self.init(reason: reason, isPermanent: permanent, isHardBounce: bounce)
    }

    /// An SMS gateway failure: 5xx, 408, 425, 429 and transport failures are temporary.
    public init(_ error: SMSError) {
        self.init(reason: error.description, isPermanent: !error.isRetryable)
    }

    /// Any other error: a failure of ours or of the network, taken as temporary.
    public init(other error: any Error) {
        self.init(reason: "\(error)", isPermanent: false)
    }

    public var description: String { reason }
}
