public import FlywheelCore
public import FlywheelMessaging
public import Foundation

/// How `flywheel serve` runs; read once by the executable (flags > environment > defaults) and passed in.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; `127.0.0.1` by default, so nothing is exposed until asked.
    public var host: String
    /// The port; 8080 by default; 0 picks a free one.
    public var port: Int
    /// Shopify's webhook secret; webhooks are refused (401) without one.
    public var shopifyWebhookSecret: String?
    /// The largest API request body accepted (413 above).
    public var maxBodyBytes: Int
    /// The largest webhook body accepted (Shopify's orders with many lines run to a few hundred KB).
    public var maxWebhookBodyBytes: Int
    /// A connection idle this long is closed (slow clients cannot hold connections open forever).
    public var idleTimeoutSeconds: Int64
    /// Whether `/` serves the owner's dashboard (admins sign in; `flywheel admin create`).
    public var dashboard: Bool
    /// Marks the dashboard's cookies `Secure` (set it when the server is reached over HTTPS, e.g. behind a
    /// TLS-terminating proxy).
    public var secureCookies: Bool
    /// The secret customer links are signed with (`CustomerLinkSigner`); without one a random key is made at
    /// start-up and links in messages stop working when the server restarts.
    public var linkSecret: String?
    /// The address customers reach this server at (links in e-mails are built on it), e.g.
    /// `https://loyalty.example-shop.de`; defaults to `http://host:port`.
    public var publicURL: URL?
    /// Where customers' referral links point (the shop's storefront; `?ref=CODE` is added); defaults to
    /// `baseURL`.
    public var referralURL: URL?
    /// Seconds between the loyalty programme's periodic runs (releases of pending points, expiry, retries).
    public var loyaltyIntervalSeconds: Int64
    /// Seconds between the flows' sweeps (time-based triggers, the catch-up of missed events); flows run only
    /// when `buildApplication` is given a library and effects.
    public var flowIntervalSeconds: Int64
    /// Seconds between the short checks for abandoned carts (`--cart-interval`, default 30): a cart reminder
    /// goes out within about this much of the checkout's last update + the flow's `after`.
    public var cartIntervalSeconds: Int64 = 30
    /// Flow scheduler loops run side by side (`--scheduler-loops`, default 2; `FlowServiceOptions.schedulerLoops`).
    public var schedulerLoops: Int = 2
    /// Seconds between two comparisons of the dashboard's saved segments with the store's (`SavedSegmentSync`):
    /// a segment another server on the same database saved, changed or deleted is taken over within this.
    public var segmentSyncSeconds: Int64 = 30
    /// Whether the shop's checkout meets the German existing-customer exemption (§7(3) UWG: the address came
    /// with a sale, and the customer was told there of the right to object at any time): then marketing
    /// e-mail about similar goods may reach buyers without opt-in, always with the opt-out notice. Off by
    /// default: without it, marketing needs confirmed consent (docs/consent.md).
    public var existingCustomerExemption: Bool = false
    /// The shop's usual delivery time in working days (`--delivery-days 2-4`): messages restate a delivery
    /// window from the order's time when no shipment has promised a date yet (the promise wins when there is
    /// one). `nil`: only promises are restated.
    public var deliveryDays: DeliveryDays?

    /// The signer for customer links: the configured secret's, else one random key made with this
    /// configuration (so every link of this process verifies, and none after a restart).
    public let linkSigner: CustomerLinkSigner

    /// Where links in messages point: `publicURL`, else `http://host:port`.
    public var baseURL: URL {
        publicURL ?? URL(string: "http://\(host.contains(":") ? "[\(host)]" : host):\(port)")!
    }
    /// A shop's own message templates, overriding the shipped ones file by file (flow checks and previews).
    public var templatesDirectory: String?
    /// How the outbox is delivered (mail server, SMS gateway, workers); by default nothing is sent.
    public var delivery: DeliveryConfiguration

    /// Makes a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, shopifyWebhookSecret: String? = nil,
        maxBodyBytes: Int = 1 << 20, maxWebhookBodyBytes: Int = 5 << 20, idleTimeoutSeconds: Int64 = 60,
        dashboard: Bool = true, secureCookies: Bool = false, linkSecret: String? = nil, publicURL: URL? = nil,
        templatesDirectory: String? = nil, referralURL: URL? = nil, loyaltyIntervalSeconds: Int64 = 300,
        flowIntervalSeconds: Int64 = 3_600, delivery: DeliveryConfiguration = DeliveryConfiguration()
    ) {
        self.flowIntervalSeconds = flowIntervalSeconds
        self.delivery = delivery
        self.templatesDirectory = templatesDirectory
        self.referralURL = referralURL
        self.loyaltyIntervalSeconds = loyaltyIntervalSeconds
        self.linkSecret = linkSecret
        self.linkSigner = linkSecret.map { CustomerLinkSigner(secret: Data($0.utf8)) } ?? .ephemeral()
        self.publicURL = publicURL
        self.dashboard = dashboard
        self.secureCookies = secureCookies
        self.host = host
        self.port = port
        self.shopifyWebhookSecret = shopifyWebhookSecret
        self.maxBodyBytes = maxBodyBytes
        self.maxWebhookBodyBytes = maxWebhookBodyBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    /// The message templates: the shipped ones, overridden file by file by `templatesDirectory`.
    /// - Throws: `TemplateError` when the shop's folder cannot be loaded (the start stops).
    public func messageTemplates() throws -> MessageTemplates {
        try MessageTemplates.bundled(overriddenBy: templatesDirectory.map { URL(fileURLWithPath: $0) })
    }
}
