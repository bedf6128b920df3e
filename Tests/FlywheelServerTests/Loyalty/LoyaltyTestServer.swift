import FlywheelCore
import FlywheelLoyalty
import FlywheelServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// An in-process server with the seeds' default programme (`examples/programmes/seeds-default.json`) over
/// a store (in memory unless given), built by the same function as production, with an admin key beside
/// `TestServer`'s keys.
struct LoyaltyTestServer {
    let store: any FlywheelStore
    let now: Date
    let loyalty: LoyaltyService
    let configuration: ServerConfiguration

    static let admin = "fw_test_admin"
    static let linkSecret = "loyalty-test-link-secret-0123456789abcdef"

    static func programme(effectiveFrom: Date? = nil) throws -> Programme {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/programmes/seeds-default.json")
        var programme = try Programme.load(from: Data(contentsOf: url))
        if let effectiveFrom { programme.effectiveFrom = effectiveFrom }
        return programme
    }

    init(
        store: any FlywheelStore = InMemoryStore(), now: Date = Date(timeIntervalSince1970: 1_795_000_000),
        programme: Programme? = nil
    ) throws {
        self.store = store
        self.now = now
        self.configuration = ServerConfiguration(
            shopifyWebhookSecret: "shpss_test_secret", linkSecret: Self.linkSecret,
            publicURL: URL(string: "https://loyalty.shop.example")!, referralURL: URL(string: "https://shop.example/")!)
        self.loyalty = LoyaltyService(
            programme: try programme ?? Self.programme(), store: store, calendar: ShopSettings.defaults.calendar,
            referralSecret: configuration.linkSigner.derivedSecret(label: "referral-codes"),
            referralBase: configuration.referralURL!)
    }

    func makeKeys() async throws {
        let keys: [(String, String, String, Set<APIScope>)] = [
            ("key_ir", "key_ir", TestServer.ingestRead, [.ingest, .read]), ("key_r", "key_r", TestServer.readOnly, [.read]),
            ("key_i", "key_i", TestServer.ingestOnly, [.ingest]), ("key_admin", "ops-anna", Self.admin, [.admin]),
        ]
        for (id, name, secret, scopes) in keys {
            try await store.createAPIKey(
                APIKey(id: id, name: name, scopes: scopes, secretHash: APIKeyIssuer.hash(secret: secret), createdAt: now))
        }
    }

    /// Runs `body` against the router; `withProgramme: false` serves without a programme.
    func test(withProgramme: Bool = true, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void)
        async throws
    {
        try await makeKeys()
        let now = self.now
        let router = try FlywheelServer.buildRouter(
            store: store, configuration: configuration, settings: .defaults, loyalty: withProgramme ? loyalty : nil,
            now: { now })
        try await Application(router: router).test(.router, body)
    }

    /// A loyalty-page token for `customer`, valid until `expiresAt`.
    func token(_ customer: String, expiresAt: Date? = nil) -> String {
        configuration.linkSigner.token(
            for: CustomerLink(purpose: .loyalty, customer: customer, expiresAt: expiresAt ?? now.addingTimeInterval(86_400)))
    }
}

enum LoyaltyBodies {
    /// An order of `totalMinor` EUR for `customer` placed at `placedAt` (2026-11-01 by default).
    static func order(
        _ id: String, customer: String = "c1", totalMinor: Int, placedAt: String = "2026-11-01T10:00:00Z",
        discountCode: String? = nil, discountMinor: Int = 0
    ) -> String {
        let discounts = discountCode.map { #","discounts":[{"code":"\#($0)","amount_minor":\#(discountMinor)}]"# } ?? ""
        return """
            {"id":"\(id)","customer_id":"\(customer)","placed_at":"\(placedAt)","currency":"EUR",\
            "line_items":[{"sku":"TEA","title":"Sencha","quantity":1,"total_minor":\(totalMinor + discountMinor)}],\
            "subtotal_minor":\(totalMinor),"total_minor":\(totalMinor)\(discounts)}
            """
    }

    static func refund(_ id: String, order: String, amountMinor: Int, at: String = "2026-11-02T10:00:00Z") -> String {
        #"{"id":"\#(id)","order_id":"\#(order)","created_at":"\#(at)","amount_minor":\#(amountMinor),"currency":"EUR"}"#
    }
}
