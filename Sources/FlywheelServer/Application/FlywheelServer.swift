public import FlywheelCore
import FlywheelImport
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
    /// `/webhooks/shopify`, `/openapi.yaml` and `/metrics`.
    public static func buildRouter(
        store: any FlywheelStore, configuration: ServerConfiguration, settings: ShopSettings,
        metrics: ServerMetrics = ServerMetrics(), now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> Router<FlywheelRequestContext> {
        let router = Router(context: FlywheelRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: APIKeyMiddleware(store: store))
        router.add(middleware: IdempotencyMiddleware(store: store, maxBodyBytes: configuration.maxBodyBytes, now: now))

        try APIHandler(store: store, now: now, metrics: metrics).registerHandlers(
            on: router, configuration: Configuration(dateTranscoder: RFC3339DateTranscoder(), jsonEncodingOptions: [.sortedKeys]))
        ShopifyWebhookController(
            store: store, signature: configuration.shopifyWebhookSecret.map(ShopifySignature.init(secret:)),
            mapper: ShopifyWebhookMapper(calendar: settings.calendar), maxBodyBytes: configuration.maxWebhookBodyBytes,
            metrics: metrics, now: now
        ).register(on: router)
        OperationsRoutes(metrics: metrics).register(on: router)
        return router
    }

    /// The application `flywheel serve` runs: the router on `configuration`'s address, with `services`
    /// (e.g. the PostgreSQL client) run beside it and shut down gracefully on SIGTERM or SIGINT: in-flight
    /// requests finish, each batch is one transaction.
    public static func buildApplication(
        store: any FlywheelStore, configuration: ServerConfiguration, logger: Logger, services: [any Service] = [],
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        let settings = try await store.shopSettings() ?? .defaults
        let router = try buildRouter(store: store, configuration: configuration, settings: settings)
        return Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(configuration.idleTimeoutSeconds))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "flywheel"),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}
