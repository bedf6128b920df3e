/// Why one delivery attempt failed, in the terms the outbox acts on: temporary (retry) or permanent
/// (dead at once), and whether it is a hard bounce (the address does not exist: suppress it).
public struct OutboxFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for `lastError` (the server's reply or the gateway's status; never credentials).
    public var reason: String
    /// Whether another attempt cannot help (5xx SMTP replies, HTTP 4xx other than 408/425/429, configuration).
    public var isPermanent: Bool
    /// Whether the mail server refused the recipient as unknown (550/551/553 to RCPT, or 5.1.x).
    public var isHardBounce: Bool

    /// A failure.
    public init(reason: String, isPermanent: Bool, isHardBounce: Bool = false) {
        self.reason = reason
        self.isPermanent = isPermanent
        self.isHardBounce = isHardBounce
    }

    /// An SMTP failure: 4xx replies, lost connections and timeouts are temporary; 5xx and configuration
    /// problems permanent.
    public init(_ error: SMTPError) {
        let permanent = !error.isRetryable
        var bounce = false
        if permanent, let reply = error.reply, reply.isPermanentNegative {
            let unknownAddress = reply.enhancedStatus.map { $0.hasPrefix("5.1.") } ?? false
            bounce = unknownAddress || (error.stage == .recipient && [550, 551, 553].contains(reply.code))
        }
        self.init(reason: error.description, isPermanent: permanent, isHardBounce: bounce)
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
