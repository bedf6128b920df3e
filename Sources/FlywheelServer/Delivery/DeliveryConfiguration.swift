public import FlywheelMessaging
import Foundation
public import Logging

/// How `flywheel serve` delivers the outbox (`--smtp`, `--mail-from`, `--sms-gateway`, `--delivery-workers`);
/// read once by the executable and passed in with `ServerConfiguration`.
///
/// Without a mail server nothing is delivered and every message stays queued (a warning at start-up says so):
/// configuring one later sends them, where dead letters "not configured" would need an operator to retry
/// each. Likewise SMS stay queued while no gateway is set: workers claim only the channels they can send.
public struct DeliveryConfiguration: Sendable {
    /// The mail server; `nil`: e-mail stays queued.
    public var smtp: SMTPURL?
    /// The From of every e-mail (required with `smtp`); its domain names Message-IDs and the EHLO greeting.
    public var mailFrom: MailAddress?
    /// The envelope sender for bounces; `nil` uses `mailFrom`.
    public var bounceAddress: String?
    /// The SMS gateway; `nil`: SMS stay queued.
    public var smsGateway: SMSGatewayConfiguration?
    /// Concurrent delivery workers in this process (0: this instance delivers nothing; another one does).
    public var workers: Int
    /// Messages a worker claims and sends together.
    public var batchSize: Int
    /// How long an idle worker waits before looking again.
    public var pollInterval: Duration
    /// When a temporarily failed message is tried again (default: 1, 2, 4 … minutes, 10 attempts).
    public var retry: OutboxRetryPolicy

    /// A configuration; the defaults deliver nothing.
    public init(
        smtp: SMTPURL? = nil, mailFrom: MailAddress? = nil, bounceAddress: String? = nil,
        smsGateway: SMSGatewayConfiguration? = nil, workers: Int = 1, batchSize: Int = 200,
        pollInterval: Duration = .seconds(1), retry: OutboxRetryPolicy = OutboxRetryPolicy()
    ) {
        self.smtp = smtp
        self.mailFrom = mailFrom
        self.bounceAddress = bounceAddress
        self.smsGateway = smsGateway
        self.workers = max(0, workers)
        self.batchSize = max(1, batchSize)
        self.pollInterval = pollInterval
        self.retry = retry
    }

    /// Whether e-mail can be sent: a mail server and a From.
    public var sendsMail: Bool { smtp != nil && mailFrom != nil }

    /// The start-up lines about delivery, for the log: where mail and SMS go (never a password, header value
    /// or the gateway's query), or that they stay queued.
    public var startupSummary: [(level: Logger.Level, text: String)] {
        var lines: [(level: Logger.Level, text: String)] = []
        if let smtp, let mailFrom {
            lines.append((.info, "E-mail: via \(smtp) from \(mailFrom.address), \(workers) delivery worker(s)"))
        } else {
            lines.append((.warning, "E-mail is not configured (--smtp, --mail-from): e-mail messages stay queued until it is"))
        }
        if let smsGateway {
            lines.append((.info, "SMS: via \(Self.redacted(smsGateway.url))"))
        } else {
            lines.append((.info, "SMS is not configured (--sms-gateway): SMS stay queued until it is"))
        }
        if workers == 0 { lines.append((.warning, "--delivery-workers 0: this instance delivers nothing")) }
        return lines
    }

    /// A URL's scheme, host and path only (user, password, query and fragment may hold keys).
    static func redacted(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host
        else { return "(an unreadable URL)" }
        return "\(scheme)://\(host)\(components.port.map { ":\($0)" } ?? "")\(components.path)"
    }
}
