public import FlywheelCore

/// The signed-in admin of a dashboard request (set by `DashboardAuthMiddleware`): who it is, the session's
/// token hash (to sign out) and the CSRF token every form must send back.
public struct DashboardSession: Sendable {
    public var admin: AdminAccount
    var tokenHash: String
    var csrfToken: String
}
