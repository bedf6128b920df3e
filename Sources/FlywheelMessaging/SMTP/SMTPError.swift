/// Why sending over SMTP failed: the stage, the server's reply when there was one, and whether a later
/// attempt may succeed (`isRetryable`: 4xx replies, lost connections and timeouts) or not (5xx replies,
/// configuration problems).
///
/// `description` never contains credentials or message content; it does contain the server's reply text,
/// which some servers let echo the recipient's address.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case rejected, connectionFailed, connectionClosed, notSent, timeout, tls
            case startTLSUnavailable, insecureAuthenticationRefused, noSupportedAuthenticationMechanism
            case authenticationFailed, malformedReply, unexpectedReply
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The server answered a command with a 4xx or 5xx reply.
        public static let rejected = Code(.rejected)
        /// No connection could be made (refused, unreachable, connect timeout).
        public static let connectionFailed = Code(.connectionFailed)
        /// The connection ended while a message was in flight: it may or may not have been delivered.
        public static let connectionClosed = Code(.connectionClosed)
        /// The connection ended before any byte of this message was sent: safe to send again.
        public static let notSent = Code(.notSent)
        /// The server did not answer in time.
        public static let timeout = Code(.timeout)
        /// The TLS handshake or TLS configuration failed.
        public static let tls = Code(.tls)
        /// STARTTLS is required but the server does not offer it.
        public static let startTLSUnavailable = Code(.startTLSUnavailable)
        /// Credentials would have gone over a plaintext connection, which the configuration does not allow.
        public static let insecureAuthenticationRefused = Code(.insecureAuthenticationRefused)
        /// The server offers no SASL mechanism this client speaks (PLAIN, LOGIN).
        public static let noSupportedAuthenticationMechanism = Code(.noSupportedAuthenticationMechanism)
        /// The server refused the credentials.
        public static let authenticationFailed = Code(.authenticationFailed)
        /// The server sent bytes that are not an SMTP reply.
        public static let malformedReply = Code(.malformedReply)
        /// The server sent a reply no command was waiting for.
        public static let unexpectedReply = Code(.unexpectedReply)

        public var description: String { base.rawValue }
    }

    /// The step of the session at which it failed.
    public enum Stage: String, Sendable, Hashable {
        case connect, greeting, hello, startTLS, authentication, mailFrom, recipient, data, message, reset, quit
    }

    /// The kind of failure.
    public var code: Code
    /// The step at which it happened, when known.
    public var stage: Stage?
    /// The server's reply, when the failure is a reply.
    public var reply: SMTPReply?
    /// What went wrong, in words (never credentials).
    public var detail: String

    /// Creates an error.
    public init(code: Code, stage: Stage? = nil, reply: SMTPReply? = nil, detail: String) {
        self.code = code
        self.stage = stage
        self.reply = reply
        self.detail = detail
    }

    /// Whether the same message may succeed when sent again later: temporary (4xx) replies, lost
    /// connections, timeouts. Permanent (5xx) replies and configuration problems are not retryable.
    public var isRetryable: Bool {
        if let reply { return reply.isTransientNegative }
        switch code {
        case .connectionFailed, .connectionClosed, .notSent, .timeout, .malformedReply, .unexpectedReply: return true
        default: return false
        }
    }

    public var description: String {
        var text = "SMTP \(code)"
        if let stage { text += " at \(stage.rawValue)" }
        if let reply { text += ": server replied \(reply.code) \(reply.text)" }
        if !detail.isEmpty { text += reply == nil ? ": \(detail)" : " (\(detail))" }
        text += isRetryable ? " [temporary, retry later]" : " [permanent]"
        return text
    }

    static func rejected(_ reply: SMTPReply, at stage: Stage, _ detail: String = "") -> SMTPError {
        SMTPError(code: .rejected, stage: stage, reply: reply, detail: detail)
    }

    static func malformedReply(_ detail: String) -> SMTPError {
        SMTPError(code: .malformedReply, detail: detail)
    }
}
