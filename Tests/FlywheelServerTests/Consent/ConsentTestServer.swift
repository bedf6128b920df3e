import FlywheelCore
import FlywheelServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization

/// An in-process server with a known link secret, a recording confirmation sender, an admin key and two
/// customers: `c-en` (English, e-mail marketing granted) and `c-de` (no locale, nothing granted).
struct ConsentTestServer {
    let store = InMemoryStore()
    let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    let confirmations = RecordingConfirmationSender()
    let answers = RecordingAnswerRecipient()
    static let adminKey = "fw_test_admin"
    static let ingestRead = "fw_test_ingest_read"
    static let configuration = ServerConfiguration(
        linkSecret: "a test link secret of enough length", publicURL: URL(string: "https://shop.example"))

    var links: CustomerLinkURLs { CustomerLinkURLs(signer: Self.configuration.linkSigner, baseURL: Self.configuration.baseURL) }

    func seed() async throws {
        try await store.createAPIKey(
            APIKey(id: "key_a", name: "admin", scopes: [.admin], secretHash: APIKeyIssuer.hash(secret: Self.adminKey), createdAt: now))
        try await store.createAPIKey(
            APIKey(
                id: "key_ir", name: "ir", scopes: [.ingest, .read], secretHash: APIKeyIssuer.hash(secret: Self.ingestRead),
                createdAt: now))
        _ = try await store.ingest(
            IngestBatch(customers: [
                Customer(
                    externalID: "c-en", email: "Anna@Example.com", firstName: "Anna", locale: .en,
                    consent: MarketingConsent(email: .granted, sms: .granted, updatedAt: now - 86_400)),
                Customer(externalID: "c-de", email: "jonas@example.de", firstName: "Jonas"),
            ]))
    }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await seed()
        let now = self.now
        let router = try FlywheelServer.buildRouter(
            store: store, configuration: Self.configuration, settings: .defaults, confirmations: confirmations,
            answers: answers, now: { now })
        try await Application(router: router).test(.router, body)
    }

    /// The path and query of a link URL.
    static func target(_ url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
        return components.percentEncodedPath
            + "?" + (components.percentEncodedQuery ?? "")
    }
}

/// Keeps every confirmation it is asked to send.
final class RecordingConfirmationSender: ConfirmationSender {
    private let sent = Mutex<[OptInConfirmation]>([])
    var confirmations: [OptInConfirmation] { sent.withLock { $0 } }
    func sendConfirmation(_ confirmation: OptInConfirmation) async throws { sent.withLock { $0.append(confirmation) } }
}

extension TestClientProtocol {
    /// A request as a browser or mail client sends it: no API key, optional form body and headers.
    func page(
        _ method: HTTPRequest.Method, _ uri: String, form: String? = nil, headers extra: [String: String] = [:]
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if form != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        return try await execute(uri: uri, method: method, headers: headers, body: form.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The value of the hidden `csrf` field of the page's form.
    var formToken: String? {
        let html = String(buffer: body)
        guard let start = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }
}

/// Keeps every answer customers give through answer links.
final class RecordingAnswerRecipient: MessageAnswerRecipient {
    private let received = Mutex<[(customerID: String, answer: MessageAnswer, at: Date)]>([])
    var answers: [(customerID: String, answer: MessageAnswer, at: Date)] { received.withLock { $0 } }
    func answered(customerID: String, answer: MessageAnswer, at: Date) async throws {
        received.withLock { $0.append((customerID, answer, at)) }
    }
}
