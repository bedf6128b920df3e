public import FlywheelAutomation
public import FlywheelCore
public import FlywheelFlows
import FlywheelAnalytics
public import FlywheelLoyalty
import FlywheelImport
public import FlywheelMessaging
public import Foundation
public import Hummingbird
public import Logging
public import ServiceLifecycle
import OpenAPIHummingbird
import OpenAPIRuntime

/// Builds the HTTP server: the same function serves production (`flywheel serve`) and the in-process route
/// tests.
public enum FlywheelServer {
    /// The router with every route and middleware. Middleware, outermost first: request log, problem
    /// rendering, metrics, API key check, body limit and idempotency; then the routes of `openapi.yaml`,
    /// `/webhooks/shopify`, `/openapi.yaml`, `/metrics` and the customers' pages under `/c/` (unsubscribe,
    /// preferences, opt-in confirmation, answers). `confirmations` receives double opt-in confirmations to send;
    /// `answers` the answers customers give through answer links (by default `flows`).
    ///
    /// With `loyalty`, the programme's routes (`/api/v1/loyalty/…`, the customer page `/c/loyalty`) work and
    /// every stored batch earns and reverses points; without, they answer 404.
    ///
    /// With `dashboard`, the owner's pages are served under `/` behind an admin login
    /// (`DashboardAuthMiddleware`, `DashboardRoutes`) and every stored batch is applied to its engine.
    ///
    /// With `flows`, every stored batch is looked at for flow triggers (`FlowService`), after the loyalty
    /// programme.
    public static func buildRouter(
        store: any FlywheelStore, configuration: ServerConfiguration, settings: ShopSettings,
        metrics: ServerMetrics = ServerMetrics(), dashboard: DashboardAnalytics? = nil,
        accounts: AdminAccounts = AdminAccounts(), confirmations: (any ConfirmationSender)? = nil,
        loyalty: LoyaltyService? = nil, flows: FlowService? = nil, answers: (any MessageAnswerRecipient)? = nil,
        templates: MessageTemplates? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> Router<FlywheelRequestContext> {
        let desk = ConsentDesk(
            store: store, links: CustomerLinkURLs(signer: configuration.linkSigner, baseURL: configuration.baseURL),
            confirmations: confirmations)
        var observers: [any IngestObserver] = []
        if let dashboard { observers.append(dashboard) }
        if let loyalty { observers.append(loyalty) }
        if let flows { observers.append(flows) }
        let router = Router(context: FlywheelRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: APIKeyMiddleware(store: store))
        router.add(middleware: IdempotencyMiddleware(store: store, maxBodyBytes: configuration.maxBodyBytes, now: now))
        if dashboard != nil { router.add(middleware: DashboardAuthMiddleware(store: store, now: now)) }

        // The templates flows are checked against (the application's, else loaded here); a shop's folder that
        // cannot be loaded stops the start.
        let templates = try templates ?? configuration.messageTemplates()
        try APIHandler(
            store: store, now: now, metrics: metrics, observers: observers, loyalty: loyalty,
            linkSigner: configuration.linkSigner, baseURL: configuration.baseURL, templates: templates,
            catalogue: TemplateCatalogue(templates), consent: desk, flows: flows, dashboard: dashboard,
            deliveryDays: configuration.deliveryDays
        ).registerHandlers(
            on: router, configuration: Configuration(dateTranscoder: RFC3339DateTranscoder(), jsonEncodingOptions: [.sortedKeys]))
        ShopifyWebhookController(
            store: store, signature: configuration.shopifyWebhookSecret.map(ShopifySignature.init(secret:)),
            mapper: ShopifyWebhookMapper(calendar: settings.calendar), maxBodyBytes: configuration.maxWebhookBodyBytes,
            metrics: metrics, now: now, observers: observers
        ).register(on: router)
        // The customers' signed-link pages under /c/ (docs/consent.md, docs/loyalty.md), one routes type per
        // page, one set of templates.
        let customerPages = try CustomerPageRenderer.load()
        LoyaltyPageRoutes(
            loyalty: loyalty, signer: configuration.linkSigner, renderer: customerPages,
            defaultLocale: settings.defaultLocale, currency: settings.currency, now: now
        ).register(on: router)
        let pages = CustomerPageContext(
            desk: desk, renderer: customerPages, shopLocale: settings.defaultLocale, now: now)
        UnsubscribePageRoutes(context: pages).register(on: router)
        PreferencePageRoutes(context: pages).register(on: router)
        ConfirmOptInPageRoutes(context: pages).register(on: router)
        AnswerPageRoutes(context: pages, recipient: answers ?? flows).register(on: router)
        // Opens and clicks of flow messages (docs/flows.md, "Measurement").
        TrackingRoutes(store: store as? any FlowMeasurementStore, gate: pages.gate, now: now).register(on: router)
        OperationsRoutes(metrics: metrics).register(on: router)
        if let dashboard {
            DashboardRoutes(
                store: store, analytics: dashboard, renderer: try DashboardRenderer.load(), accounts: accounts,
                throttle: LoginThrottle(), settings: settings, secureCookies: configuration.secureCookies, now: now,
                loyalty: loyalty
            ).register(on: router)
        }
        return router
    }

    /// The application `flywheel serve` runs: the router on `configuration`'s address (double opt-in
    /// confirmations go to `confirmations`, else — with a mail server configured — into the outbox; `programme`
    /// runs the loyalty programme; `configuration.delivery` adds the outbox's delivery service), with `services`
    /// (e.g. the PostgreSQL client) run beside it and shut down gracefully on SIGTERM or SIGINT: in-flight
    /// requests finish, each batch is one transaction.
    ///
    /// With `flows`, the library's flows run (`FlowService`, `FlowJobs`: triggers from every stored batch and
    /// from the sweep every `flowIntervalSeconds`, the scheduler's due steps), their actions done by
    /// `flowEffects`, by default the server's own `ServerFlowEffects` (sends rendered into the outbox, points,
    /// coupons, tags, tickets, signed webhooks). `now` is the clock of everything the application does: requests,
    /// flows, delivery, the loyalty jobs and the dashboard (`flywheel serve` passes its `ServerClock`).
    public static func buildApplication(
        store: any FlywheelStore, configuration: ServerConfiguration, logger: Logger, services: [any Service] = [],
        confirmations: (any ConfirmationSender)? = nil, programme: Programme? = nil,
        flows library: FlowLibrary? = nil, flowEffects: (any FlowEffects)? = nil,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in },
        now: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> some ApplicationProtocol {
        let settings = try await store.shopSettings() ?? .defaults
        // Loaded once for the router's flow checks, the flows' sends and the opt-in confirmations.
        let templates = try configuration.messageTemplates()
        let dashboard = configuration.dashboard ? DashboardAnalytics(settings: settings) : nil
        let loyalty = programme.map {
            LoyaltyService(
                programme: $0, store: store, calendar: settings.calendar,
                referralSecret: configuration.linkSigner.derivedSecret(label: "referral-codes"),
                referralBase: configuration.referralURL ?? configuration.baseURL, logger: logger)
        }
        var services = services
        if let dashboard {
            services.append(
                SavedSegmentSync(
                    dashboard: dashboard, store: store, interval: .seconds(configuration.segmentSyncSeconds), now: now,
                    logger: logger))
        }
        if let loyalty {
            services.append(
                LoyaltyJobs(
                    loyalty: loyalty, interval: .seconds(configuration.loyaltyIntervalSeconds), now: now, logger: logger))
        }
        let sender = try deliveryServices(
            store: store, configuration: configuration, settings: settings, templates: templates, logger: logger,
            confirmations: confirmations, now: now, services: &services)
        // The flows' effects: the caller's, else the server's own (the outbox, points, coupons, tags, tickets,
        // webhooks signed with a secret derived from the link secret).
        let effects = flowEffects ?? (library != nil ? (store as? any OutboxStore) : nil).map { outbox in
            ServerFlowEffects(
                store: store, outbox: outbox, templates: templates,
                links: CustomerLinkURLs(signer: configuration.linkSigner, baseURL: configuration.baseURL),
                shop: MessageContext.Shop(name: settings.name, url: configuration.baseURL.absoluteString),
                settings: settings, loyalty: loyalty,
                webhooks: FlowWebhookCaller(secret: FlowWebhookCaller.secret(linkSigner: configuration.linkSigner)),
                deliveryDays: configuration.deliveryDays, logger: logger, now: now)
        }
        let flows = flowService(
            library: library, effects: effects, store: store, settings: settings, configuration: configuration,
            dashboard: dashboard, loyalty: loyalty, logger: logger)
        if let flows { services.append(FlowJobs(flows: flows, now: now, logger: logger)) }
        let router = try buildRouter(
            store: store, configuration: configuration, settings: settings, dashboard: dashboard,
            confirmations: sender, loyalty: loyalty, flows: flows, templates: templates, now: now)
        return Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(configuration.idleTimeoutSeconds))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "flywheel"),
            services: services,
            onServerRunning: { channel in
                // The dashboard's figures load once the services (a PostgreSQL client) run; pages say so meanwhile.
                if let dashboard {
                    Task {
                        await dashboard.load(from: store, now: now)
                        await dashboard.warmUp(now: now())
                    }
                }
                await onServerRunning(channel.localAddress?.port ?? configuration.port)
            },
            logger: logger)
    }

    /// The flows at work when a library and its effects are given; the dashboard's learned lapse window feeds
    /// the sweep's lapse triggers and its snapshot the value ranks (VIP), the p(alive) fit and segment sends;
    /// the loyalty programme's tier moves feed `tier_changed`.
    private static func flowService(
        library: FlowLibrary?, effects: (any FlowEffects)?, store: any FlywheelStore, settings: ShopSettings,
        configuration: ServerConfiguration, dashboard: DashboardAnalytics?, loyalty: LoyaltyService?, logger: Logger
    ) -> FlowService? {
        guard let library else { return nil }
        guard let effects else {
            logger.warning("flows: a library was given but no effects to perform them; flows do not run")
            return nil
        }
        let lapse: (@Sendable (Date) async -> Double?)? = dashboard.map { dashboard in
            { @Sendable now in await dashboard.segments(now: now).map { Double($0.0.lapseWindow.activeDays) } }
        }
        var options = FlowServiceOptions(
            sweepInterval: .seconds(configuration.flowIntervalSeconds), lapseWindowDays: lapse,
            existingCustomerExemption: configuration.existingCustomerExemption
                ? ExistingCustomerFacts(addressFromSale: true, toldOfRightToObject: true) : nil,
            analytics: dashboard.map { dashboard in { @Sendable now in await dashboard.snapshot(now: now) } },
            tierMoves: loyalty)
        options.cartInterval = .seconds(configuration.cartIntervalSeconds)
        options.schedulerLoops = configuration.schedulerLoops
        return FlowService(library: library, store: store, effects: effects, settings: settings, options: options, logger: logger)
    }
}
