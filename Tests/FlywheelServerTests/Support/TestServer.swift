import FlywheelCore
import FlywheelServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// An in-process server over an in-memory store, built by the same function as production, with keys of
/// each scope.
struct TestServer {
    let store = InMemoryStore()
    let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    var webhookSecret: String? = "shpss_test_secret"
    var maxBodyBytes = 1 << 20
    /// The shop's usual delivery time (`--delivery-days`); none by default.
    var deliveryDays: DeliveryDays?

    /// Secrets of keys made for the test, by name.
    static let ingestRead = "fw_test_ingest_read"
    static let readOnly = "fw_test_read_only"
    static let ingestOnly = "fw_test_ingest_only"
    static let revoked = "fw_test_revoked"

    func makeKeys() async throws {
        let keys: [(String, String, Set<APIScope>)] = [
            ("key_ir", Self.ingestRead, [.ingest, .read]), ("key_r", Self.readOnly, [.read]),
            ("key_i", Self.ingestOnly, [.ingest]), ("key_x", Self.revoked, [.admin]),
        ]
        for (id, secret, scopes) in keys {
            try await store.createAPIKey(
                APIKey(id: id, name: id, scopes: scopes, secretHash: APIKeyIssuer.hash(secret: secret), createdAt: now))
        }
        _ = try await store.revokeAPIKey(id: "key_x", at: now)
    }

    /// Runs `body` against the router.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await makeKeys()
        let now = self.now
        var configuration = ServerConfiguration(shopifyWebhookSecret: webhookSecret, maxBodyBytes: maxBodyBytes)
        configuration.deliveryDays = deliveryDays
        let router = try FlywheelServer.buildRouter(
            store: store, configuration: configuration, settings: .defaults, now: { now })
        try await Application(router: router).test(.router, body)
    }
}

extension TestClientProtocol {
    /// A request with a JSON body and a bearer key.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, key: String? = TestServer.ingestRead, json: String? = nil,
        headers extra: [String: String] = [:]
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if let key { headers[.authorization] = "Bearer \(key)" }
        if json != nil { headers[.contentType] = "application/json" }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        return try await execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    var text: String { String(buffer: body) }

    /// The JSON pointers of a problem's field errors.
    var pointers: [String] { (object["errors"] as? [[String: Any]])?.compactMap { $0["pointer"] as? String } ?? [] }
}

enum Bodies {
    static func order(
        _ id: String, customer: String = "c1", total: Int = 1998, quantity: Int = 2, extra: String = ""
    ) -> String {
        """
        {"id":"\(id)","customer_id":"\(customer)","placed_at":"2026-11-01T10:00:00Z","currency":"EUR",\
        "line_items":[{"sku":"TEA","title":"Sencha","quantity":\(quantity),"total_minor":\(total)}],\
        "subtotal_minor":\(total),"total_minor":\(total)\(extra)}
        """
    }
}
