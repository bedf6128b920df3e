import FlywheelCore
import FlywheelFlows
import FlywheelMessaging
import FlywheelStore
import Foundation

// Usage: OutboxDelivery --port P --cert PEM --database FILE [--messages N] [--batch B] [--workers W]
//                       [--user U --password P]
// Queues N German order confirmations in an SQLite outbox (OutboxEnqueuer: Mustache → stored row), then
// delivers them with OutboxDelivery (claim a batch, send it pipelined on one SMTP connection, record the
// outcomes in one transaction) until none is due; prints one line of key=value results.

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    guard argument.hasPrefix("--"), let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data("unexpected argument \(argument)\n".utf8))
        exit(2)
    }
    options[String(argument.dropFirst(2))] = value
}
let count = Int(options["messages"] ?? "5000") ?? 5000
let batch = Int(options["batch"] ?? "200") ?? 200
let workers = Int(options["workers"] ?? "2") ?? 2
guard let database = options["database"] else {
    FileHandle.standardError.write(Data("--database FILE is required\n".utf8))
    exit(2)
}
let smtp = SMTPClient(configuration: SMTPConfiguration(
    host: "127.0.0.1",
    port: Int(options["port"] ?? "") ?? 0,
    security: .startTLS,
    tls: SMTPTLSOptions(trustRoots: options["cert"].map { .pemFile($0) } ?? .system, serverName: "localhost"),
    credentials: options["user"].map { SMTPCredentials(username: $0, password: options["password"] ?? "") },
    clientName: "bench.flywheel.test"))

let store = try SQLiteStore(path: database)
try await store.migrate()
let enqueuer = OutboxEnqueuer(
    templates: try MessageTemplates.bundled(), store: store,
    unsubscribeURL: { customer, _ in URL(string: "https://berg.example/u/\(customer)?sig=t0k3n") })
let values: TemplateValue = [
    "shop": ["name": "Kaffeerösterei Berg", "url": "https://berg.example", "support_email": "hallo@berg.example",
             "address": "Hauptstraße 1, 10115 Berlin", "signature": "Lena von der Rösterei Berg"],
    "customer": ["first_name": "Jürgen"],
    "order": ["number": "1042", "total": "38,40 €", "delivery_window": "zwischen Donnerstag, 26. und Samstag, 28. November",
              "items": [["name": "Espresso Bohnen 1 kg", "quantity": 2, "price": "31,80 €"]]],
]
let now = Date()
func outgoing(_ number: Int) -> OutgoingMessage {
    OutgoingMessage(
        idempotencyKey: "enr_\(number)/confirm/1", customerID: "c\(number)", flowID: "order_confirmation",
        flowVersion: 1, stepID: "confirm", channel: .email, template: "order_confirmation", locale: .de, subject: nil,
        messageClass: .service, basis: .notNeeded, variant: nil, priority: 1, expectedValueMinor: 0,
        createdAt: now - 1)
}

#if canImport(Glibc)
let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif

/// CPU seconds (user + system) this process has used.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF_WHO, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
}

// Connect first (one message through the outbox) so that the timing covers delivery, not the TLS handshake.
try await enqueuer.enqueue(outgoing(-1), recipient: "warmup@example.de", values: values)
let configuration = { (worker: Int) in
    OutboxDeliveryConfiguration(
        from: MailAddress("shop@berg.example", name: "Kaffeerösterei Berg"), messageIDDomain: "mail.berg.example",
        workerID: "bench-\(worker)", batchSize: batch)
}
_ = try await OutboxDelivery(store: store, smtp: smtp, sms: nil, configuration: configuration(0)).deliverDue(now: now)

let enqueueStart = ContinuousClock.now
for number in 0..<count {
    try await enqueuer.enqueue(outgoing(number), recipient: "kunde\(number)@example.de", values: values)
}
let enqueueSeconds = (ContinuousClock.now - enqueueStart) / .seconds(1)

let cpuStart = cpuSeconds()
let start = ContinuousClock.now
let totals = try await withThrowingTaskGroup(of: (sent: Int, other: Int).self) { group in
    for worker in 0..<workers {
        group.addTask {
            let delivery = OutboxDelivery(store: store, smtp: smtp, sms: nil, configuration: configuration(worker))
            var sent = 0
            var other = 0
            while true {
                let report = try await delivery.deliverDue(now: now)
                if report.claimed == 0 { return (sent, other) }
                sent += report.sent
                other += report.claimed - report.sent
            }
        }
    }
    var totals = (sent: 0, other: 0)
    for try await result in group { totals = (totals.sent + result.sent, totals.other + result.other) }
    return totals
}
let seconds = (ContinuousClock.now - start) / .seconds(1)
let clientCPU = cpuSeconds() - cpuStart
await smtp.shutdown()
let pending = try await store.claimOutbox(owner: "check", limit: 1, now: now + 86_400, leaseUntil: now + 86_400)
print(String(format: "messages=%d sent=%d not_sent=%d still_due=%d seconds=%.3f rate=%.0f client_cpu_seconds=%.2f enqueue_seconds=%.3f enqueue_rate=%.0f batch=%d workers=%d",
    count, totals.sent, totals.other, pending.count, seconds, Double(totals.sent) / seconds, clientCPU,
    enqueueSeconds, Double(count) / enqueueSeconds, batch, workers))
