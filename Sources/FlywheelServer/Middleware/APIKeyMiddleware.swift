import FlywheelCore
import HTTPTypes
import Hummingbird

/// Authenticates `/api/` requests and `/metrics` by `Authorization: Bearer KEY` and checks the scope the method needs
/// (GET/HEAD and the flow checks under `/api/v1/flows/`, which change nothing: `read`; anything else: `ingest`;
/// a customer's export and erasure and the outbox's dead letters: `admin`; `admin` allows all).
/// Other paths pass through.
struct APIKeyMiddleware: RouterMiddleware {
    typealias Context = FlywheelRequestContext
    /// The key of the request being handled, for generated API handlers (which see no request context):
    /// e.g. the admin name of a manual points adjustment.
    @TaskLocal static var current: APIKey?
    let store: any FlywheelStore
    let cache = APIKeyCache()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        guard path.hasPrefix("/api/") || path == "/metrics" else { return try await next(request, context) }
        guard let header = request.headers[.authorization] else {
            throw APIProblem.unauthorized("Send an API key as Authorization: Bearer KEY (flywheel keys create).")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
            throw APIProblem.unauthorized("The Authorization header must read: Bearer KEY.")
        }
        let key: APIKey?
        do {
            key = try await cache.key(secretHash: APIKeyIssuer.hash(secret: String(parts[1]))) { hash in
                try await store.apiKey(secretHash: hash)
            }
        } catch {
            throw APIProblem.storeUnavailable("The key could not be checked. Retry later.")
        }
        guard let key, key.isActive else { throw APIProblem.unauthorized("This API key is unknown or revoked.") }
        let needed = Self.scope(method: request.method, path: path)
        guard key.scopes.allows(needed) else {
            throw APIProblem.forbidden("This API key lacks the \(needed.rawValue) scope this route needs.")
        }
        var context = context
        context.apiKey = key
        context.logger[metadataKey: "api_key"] = .string(key.id)
        return try await Self.$current.withValue(key) { try await next(request, context) }
    }

    /// The scope a request needs: `admin` for a customer's data export and erasure (GDPR), the outbox's dead
    /// letters, a flow's segment send (`POST /api/v1/flows/{id}/sends`), cancelling a scheduled one and changes
    /// to saved segments (`/api/v1/segments/…`); `read` for GET and
    /// HEAD, the flow checks under `/api/v1/flows/` (they change nothing) and making a customer-page link (a
    /// read of sorts: flows and the shop's account page ask for it); `ingest` for other writes.
    static func scope(method: HTTPRequest.Method, path: String) -> APIScope {
        if path.hasPrefix("/api/v1/customers/") {
            let rest = path.dropFirst("/api/v1/customers/".count)
            if method == .delete || (rest.hasSuffix("/export") && rest.split(separator: "/").count == 2) { return .admin }
        }
        // The outbox's dead letters: an operator's tool, and the list names customers.
        if path == "/api/v1/outbox" || path.hasPrefix("/api/v1/outbox/") { return .admin }
        // A segment send (newsletter) reaches many customers at once: admin; so does cancelling a scheduled one.
        if method == .post, path.hasPrefix("/api/v1/flows/"), path.hasSuffix("/sends") { return .admin }
        if method == .delete, path.hasPrefix("/api/v1/flows/"), path.contains("/sends/") { return .admin }
        // Saved segments: reading them is `read`, changing them (what sends and flows target) `admin`.
        if path == "/api/v1/segments" || path.hasPrefix("/api/v1/segments/") {
            return method == .get || method == .head ? .read : .admin
        }
        if method == .get || method == .head || path.hasPrefix("/api/v1/flows/") { return .read }
        if method == .post, path.hasPrefix("/api/v1/loyalty/customers/"), path.hasSuffix("/link") { return .read }
        return .ingest
    }
}
