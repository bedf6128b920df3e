import FlywheelCore
import FlywheelMessaging
import FlywheelServer
import FlywheelTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization

/// `buildApplication` as `flywheel serve` runs it — the HTTP server with the outbox's delivery service — over
/// a store (in-memory unless given), delivering to a local aiosmtpd (scripts/smtp-sink) through an `--smtp` URL; every log
/// line kept.
struct DeliveryTestServer {
    var store: any FlywheelStore & OutboxStore = InMemoryStore()
    let sink: SMTPSink
    let log = RecordedLog()
    static let ingestKey = "fw_test_delivery_ingest"

    /// The `--smtp` URL of the sink: STARTTLS, its user and percent-encoded password, its certificate trusted.
    var smtpURL: String {
        let password = SMTPSink.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "smtp://\(SMTPSink.user):\(password)@127.0.0.1:\(sink.port)?tls=starttls&ca=\(sink.certificate)&server_name=localhost"
    }

    var configuration: ServerConfiguration {
        get throws {
            ServerConfiguration(
                port: 0, dashboard: false, linkSecret: "a delivery test link secret", publicURL: URL(string: "https://shop.example"),
                delivery: DeliveryConfiguration(
                    smtp: try SMTPURL(parsing: smtpURL), mailFrom: try MailAddress(parsing: "Berg & Tal <shop@berg-tal.example>"),
                    workers: 2, batchSize: 20, pollInterval: .milliseconds(50),
                    // A try that failed only because the machine was slow (a timeout) comes back within seconds.
                    retry: OutboxRetryPolicy(baseDelay: 1, maximumDelay: 2)))
        }
    }

    /// Customers: `c-de` (German, an address the sink accepts), `c-gone` (an address the sink refuses with
    /// 550 5.1.1, marketing granted).
    func seed() async throws {
        let now = Date()
        try await store.createAPIKey(
            APIKey(id: "key_d", name: "d", scopes: [.ingest, .read], secretHash: APIKeyIssuer.hash(secret: Self.ingestKey), createdAt: now))
        _ = try await store.ingest(
            IngestBatch(customers: [
                Customer(externalID: "c-de", email: "jonas@example.de", firstName: "Jonas", locale: .de),
                Customer(
                    externalID: "c-gone", email: "Reject-Gone@Example.de", firstName: "Gone",
                    consent: MarketingConsent(email: .granted, updatedAt: now - 86_400)),
            ]))
    }

    /// Runs the application live (its services too) and `body` against it; stops it gracefully after. `now` is
    /// the application's clock.
    func run(
        now: @escaping @Sendable () -> Date = { Date() }, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await seed()
        let log = self.log
        let logger = Logger(label: "flywheel") { _ in RecordingLogHandler(log: log) }
        let app = try await FlywheelServer.buildApplication(
            store: store, configuration: try configuration, logger: logger, now: now)
        try await app.test(.live, body)
    }

    /// A message for the outbox, as a flow's send leaves it.
    static func message(key: String, customer: String, to recipient: String, subject: String = "Ihre Bestellung 1042")
        -> OutboxMessage
    {
        let now = Date()
        return OutboxMessage(
            id: OutboxEnqueuer.messageID(idempotencyKey: key, createdAt: now), idempotencyKey: key, customerID: customer,
            channel: .email, messageClass: "transactional", recipient: recipient,
            content: OutboxContent(subject: subject, text: "Hallo,\ndanke für Ihre Bestellung.", html: "<p>Hallo</p>"),
            createdAt: now)
    }
}

/// Waits (at most `seconds`, polling) until `condition` holds; false when it never did. Generous: on a busy
/// CI machine a TLS handshake with the sink can take many seconds; a passing test returns at once.
func eventually(seconds: Double = 120, _ condition: () async throws -> Bool) async throws -> Bool {
    let end = Date() + seconds
    while Date() < end {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}

/// Log lines kept by `RecordingLogHandler`.
final class RecordedLog: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

/// A log handler that keeps every line (level and message) in a `RecordedLog`.
struct RecordingLogHandler: LogHandler {
    let log: RecordedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        log.append("\(event.level): \(event.message)")
    }
}
