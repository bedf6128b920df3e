import FlywheelCore
import Foundation
import HTTPTypes
import Hummingbird

/// Guards the dashboard: a request for a page needs a valid session cookie; without one a GET is sent to
/// the login page (and back afterwards), anything else is refused. Sets `context.dashboard`. The API,
/// webhooks, health, metrics, the login page and the stylesheet are not its business. Every dashboard
/// answer gets the security headers (`DashboardHeaders`).
struct DashboardAuthMiddleware: RouterMiddleware {
    typealias Context = FlywheelRequestContext
    let store: any FlywheelStore
    let now: @Sendable () -> Date

    static let cookieName = "fw_session"

    static func isDashboard(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path.hasPrefix("/webhooks/") || path == "/health" || path == "/openapi.yaml"
            || path == "/metrics" || path.hasPrefix("/c/"))
    }

    static func isOpen(_ path: String) -> Bool { path == "/login" || path.hasPrefix("/assets/") || path == "/favicon.ico" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        guard Self.isDashboard(path) else { return try await next(request, context) }
        var context = context
        if let secret = request.cookies[Self.cookieName]?.value, !secret.isEmpty, secret.count <= 100 {
            let token = SessionToken(secret: secret)
            if let session = try await store.adminSession(tokenHash: token.hash), session.isValid(at: now()),
                let admin = try await store.admin(id: session.adminID)
            {
                context.dashboard = DashboardSession(admin: admin, tokenHash: session.tokenHash, csrfToken: token.csrfToken)
                context.logger[metadataKey: "admin"] = .string(admin.id)
            }
        }
        var response: Response
        if context.dashboard == nil && !Self.isOpen(path) {
            if request.method == .get || request.method == .head {
                let target = request.uri.string
                let next = target == "/" ? "" : "?next=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                response = Response(status: .seeOther, headers: [.location: "/login" + next])
            } else {
                response = Response(
                    status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: "Sign in first: /login\n")))
            }
        } else {
            response = try await next(request, context)
        }
        DashboardHeaders.apply(to: &response.headers)
        return response
    }
}
