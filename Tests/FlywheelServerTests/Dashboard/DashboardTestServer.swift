import FlywheelCore
import FlywheelLoyalty
import FlywheelServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// An in-process server with the dashboard over an in-memory store: a tiny shop (c1 bought on two days,
/// c2 once: repeat purchase rate 50 %), an admin `owner`, and a client that keeps cookies like a browser.
struct DashboardTestServer {
    /// The store (in memory; a test may put a wrapper around one).
    var store: any FlywheelStore = InMemoryStore()
    let now = Date(timeIntervalSince1970: 1_794_000_000)  // 2026-11-06 22:40 UTC
    static let password = "correct horse battery"
    static let apiKey = "fw_dashboard_test_key"
    /// A loyalty programme to run (its service over this store); `nil`: none.
    var programme: Programme? = nil

    func seed() async throws {
        var settings = ShopSettings.defaults
        settings.name = "Teeladen <Test>"
        try await store.saveShopSettings(settings)
        let customers = [
            Customer(externalID: "c1", email: "anna@example.com", firstName: "<script>alert(1)</script>"),
            Customer(externalID: "c2", email: "ben@example.com", firstName: "Ben"),
        ]
        let orders = [
            Self.order("o1", "c1", day: 1, total: 2000), Self.order("o2", "c1", day: 3, total: 3000),
            Self.order("o3", "c2", day: 2, total: 1000),
        ]
        _ = try await store.ingest(IngestBatch(customers: customers, orders: orders))
        _ = try await store.saveAdmin(
            try await AdminAccounts(cost: 4).account(username: "owner", password: Self.password, now: now))
        try await store.createAPIKey(
            APIKey(id: "key_d", name: "d", scopes: [.ingest, .read], secretHash: APIKeyIssuer.hash(secret: Self.apiKey), createdAt: now))
    }

    static func order(_ id: String, _ customer: String, day: Int, total: Int64) -> Order {
        Order(
            externalID: id, customerExternalID: customer,
            placedAt: Date(timeIntervalSince1970: 1_793_520_000 + Double(day) * 86_400),  // 2026-11-01 + day
            currency: CurrencyCode("EUR")!,
            lineItems: [LineItem(sku: "TEA", title: "Sencha", quantity: 1, totalMinor: total)], subtotalMinor: total,
            totalMinor: total)
    }

    /// Runs `body` with a cookie-keeping client against the router, after the dashboard's engine loaded.
    func test(_ body: @escaping @Sendable (BrowserClient) async throws -> Void) async throws {
        try await seed()
        let settings = try await store.shopSettings() ?? .defaults
        let analytics = DashboardAnalytics(settings: settings)
        await analytics.load(from: store)
        let now = self.now
        let router = try FlywheelServer.buildRouter(
            store: store, configuration: ServerConfiguration(), settings: settings, dashboard: analytics,
            accounts: AdminAccounts(cost: 4),
            loyalty: programme.map {
                LoyaltyService(
                    programme: $0, store: store, calendar: settings.calendar, referralSecret: "test",
                    referralBase: URL(string: "https://shop.example/")!)
            }, now: { now })
        try await Application(router: router).test(.router) { client in
            try await body(BrowserClient(client: client))
        }
    }
}

/// A test client that stores the cookies answers set and sends them back, as a browser does.
final class BrowserClient: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    private(set) var lastSetCookies: [String] = []

    init(client: any TestClientProtocol) { self.client = client }

    func get(_ uri: String, headers extra: [String: String] = [:]) async throws -> TestResponse {
        try await send(.get, uri, form: nil, headers: extra)
    }

    func post(_ uri: String, form: [(String, String)]) async throws -> TestResponse {
        try await send(.post, uri, form: form, headers: [:])
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, form: [(String, String)]?, headers extra: [String: String])
        async throws -> TestResponse
    {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&"))
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        lastSetCookies = response.headers[values: .setCookie]
        for line in lastSetCookies {
            let pair = line.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count >= 1 else { continue }
            let value = parts.count == 2 ? parts[1] : ""
            if value.isEmpty || line.contains("Max-Age=0") { cookies.removeValue(forKey: parts[0]) } else { cookies[parts[0]] = value }
        }
        return response
    }

    func setCookie(_ name: String, _ value: String) { cookies[name] = value }

    /// The value of `name="…"`'s hidden field in a page.
    static func field(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The text of the element marked `data-figure="name"`.
    static func figure(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "data-figure=\"\(name)\">") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "<" })
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }

    /// Signs in as the seeded admin; returns the page's CSRF token.
    @discardableResult
    func signIn(password: String = DashboardTestServer.password) async throws -> TestResponse {
        let page = try await get("/login")
        let token = Self.field("csrf", in: String(buffer: page.body)) ?? ""
        return try await post("/login", form: [("csrf", token), ("username", "owner"), ("password", password), ("next", "/")])
    }
}
