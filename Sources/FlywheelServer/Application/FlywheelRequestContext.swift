public import FlywheelCore
public import Hummingbird

/// The request context of every route: Hummingbird's core context plus the API key that authenticated the
/// request (set by `APIKeyMiddleware`).
public struct FlywheelRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The key that authenticated this request, once `APIKeyMiddleware` accepted it.
    public var apiKey: APIKey?
    /// The signed-in dashboard admin, once `DashboardAuthMiddleware` accepted the session cookie.
    public var dashboard: DashboardSession?
    /// The client's address (for the login throttle); `nil` when unknown.
    public let remoteAddress: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.apiKey = nil
        self.dashboard = nil
        self.remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}
