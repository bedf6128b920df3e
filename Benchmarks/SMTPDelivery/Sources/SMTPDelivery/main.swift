import FlywheelMessaging
import Foundation

// Usage: SMTPDelivery --port P --cert PEM [--messages N] [--window W] [--connections C] [--user U --password P]
//                     [--security starttls|tls|plaintext] [--no-pipelining]
// Renders the German order confirmation for each message (Mustache → MIME) and sends it; prints one line
// of key=value results.

var options: [String: String] = [:]
var flags: Set<String> = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--no-pipelining" { flags.insert(argument); continue }
    guard argument.hasPrefix("--"), let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data("unexpected argument \(argument)\n".utf8))
        exit(2)
    }
    options[String(argument.dropFirst(2))] = value
}
let count = Int(options["messages"] ?? "5000") ?? 5000
let window = Int(options["window"] ?? "100") ?? 100
let connections = Int(options["connections"] ?? "1") ?? 1
let security: SMTPSecurity = switch options["security"] ?? "starttls" {
case "tls": .implicitTLS
case "plaintext": .plaintext
default: .startTLS
}
let configuration = SMTPConfiguration(
    host: "127.0.0.1",
    port: Int(options["port"] ?? "") ?? 0,
    security: security,
    tls: SMTPTLSOptions(trustRoots: options["cert"].map { .pemFile($0) } ?? .system, serverName: "localhost"),
    credentials: options["user"].map { SMTPCredentials(username: $0, password: options["password"] ?? "") },
    clientName: "bench.flywheel.test",
    usesPipelining: !flags.contains("--no-pipelining"))

let templates = try MessageTemplates.bundled()
let values: TemplateValue = [
    "shop": ["name": "Kaffeerösterei Berg", "url": "https://berg.example", "support_email": "hallo@berg.example",
             "address": "Hauptstraße 1, 10115 Berlin", "signature": "Lena von der Rösterei Berg"],
    "customer": ["first_name": "Jürgen"],
    "order": ["number": "1042", "total": "38,40 €", "delivery_window": "zwischen Donnerstag, 26. und Samstag, 28. November",
              "items": [["name": "Espresso Bohnen 1 kg", "quantity": 2, "price": "31,80 €"]]],
    "links": ["unsubscribe": "https://berg.example/u/t0k3n", "preferences": "https://berg.example/p/t0k3n"],
]

/// Renders message `number`: template → MIME → envelope.
@Sendable func envelope(_ number: Int) throws -> SMTPEnvelope {
    let email = try templates.renderEmail("order_confirmation", locale: "de", values: values)
    let message = MailMessage(
        from: MailAddress("shop@berg.example", name: "Kaffeerösterei Berg"),
        to: [MailAddress("kunde\(number)@example.de", name: "Jürgen Groß")],
        subject: email.subject, text: email.text, html: email.html, date: Date(),
        messageID: MailMessage.makeMessageID(domain: "mail.berg.example"),
        unsubscribe: ListUnsubscribe(url: "https://berg.example/u/t0k3n", mailto: "unsubscribe+t0k3n@berg.example"),
        messageKey: "bench/\(number)")
    return SMTPEnvelope(message)
}

// Rendering alone, for the breakdown: the template, then template + MIME.
let templateStart = ContinuousClock.now
for _ in 0..<min(count, 2000) { _ = try templates.renderEmail("order_confirmation", locale: "de", values: values) }
let templateSeconds = (ContinuousClock.now - templateStart) / .seconds(1) / Double(min(count, 2000)) * Double(count)
let renderStart = ContinuousClock.now
var bytes = 0
for number in 0..<min(count, 2000) { bytes += try envelope(number).message.count }
let renderSeconds = (ContinuousClock.now - renderStart) / .seconds(1) / Double(min(count, 2000)) * Double(count)

let clients = (0..<connections).map { _ in SMTPClient(configuration: configuration) }
// Connect first so that the timing covers sending only, not the TLS handshakes.
for client in clients { _ = try await client.send(try envelope(-1)) }

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
let cpuStart = cpuSeconds()
let start = ContinuousClock.now
try await withThrowingTaskGroup(of: Void.self) { group in
    for number in 0..<count {
        if number >= window { try await group.next() }
        let client = clients[number % connections]
        group.addTask { _ = try await client.send(try envelope(number)) }
    }
    try await group.waitForAll()
}
let seconds = (ContinuousClock.now - start) / .seconds(1)
let clientCPU = cpuSeconds() - cpuStart
for client in clients { await client.shutdown() }
print(String(format: "messages=%d seconds=%.3f rate=%.0f client_cpu_seconds=%.2f render_cpu_seconds=%.2f template_cpu_seconds=%.2f bytes_per_message=%d connections=%d window=%d",
    count, seconds, Double(count) / seconds, clientCPU, renderSeconds, templateSeconds, bytes / max(min(count, 2000), 1),
    connections, window))
