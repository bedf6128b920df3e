import FlywheelCore
import Foundation
import HTTPTypes
import Hummingbird

extension DashboardRoutes {
    /// The login form. Sets a fresh `fw_login` cookie whose value the form repeats (double-submit CSRF
    /// token: another site can make a browser post, but cannot read or set this cookie).
    func loginPage(_ request: Request, _ context: FlywheelRequestContext, error: String? = nil,
        username: String = "", status: HTTPResponse.Status = .ok) async throws -> Response
    {
        if context.dashboard != nil, error == nil {
            return Response(status: .seeOther, headers: [.location: FormFields.localPath(request.uri.queryParameters.get("next"))])
        }
        // Reuse the browser's login token, so that a second tab (or a favicon fetch) does not void the form.
        let existing = request.cookies[Self.loginCookie]?.value ?? ""
        let token = existing.utf8.count == 43 && Base64URL.decode(existing) != nil ? existing : SessionToken.random().secret
        var view = DashboardView(
            locale: DashboardLocale.of(request, shop: settings.defaultLocale), title: "", path: "/login", shop: settings.name)
        view.title = view.text["login_title"] ?? ""
        view.content = [
            "loginCSRF": token, "next": FormFields.localPath(request.uri.queryParameters.get("next")),
            "username": username,
        ]
        if let error { view.content["error"] = error }
        var response = renderer.page("login", view, status: status)
        response.setCookie(
            Cookie(name: Self.loginCookie, value: token, maxAge: 3600, path: "/login", secure: secureCookies, httpOnly: true, sameSite: .strict))
        if let lang = request.uri.queryParameters.get("lang"), let locale = ShopLocale(tag: String(lang)) {
            response.setCookie(languageCookie(locale))
        }
        return response
    }

    func login(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let text = DashboardText.table(DashboardLocale.of(request, shop: settings.defaultLocale))
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let sent = form["csrf"], let expected = request.cookies[Self.loginCookie]?.value,
            SessionToken.equal(sent, expected)
        else {
            return try await loginPage(request, context, error: text["login_expired"], username: username, status: .badRequest)
        }
        let address = context.remoteAddress ?? "unknown"
        if let wait = await throttle.retryAfter(username: username, address: address, now: now()) {
            var response = try await loginPage(
                request, context, error: DashboardText.format(text["login_throttled"] ?? "", String(wait)), username: username,
                status: .tooManyRequests)
            response.headers[HTTPField.Name.retryAfter] = String(wait)
            return response
        }
        let password = form["password"] ?? ""
        let account = username.isEmpty ? nil : try await store.admin(username: username)
        let verified: Bool
        if let account { verified = await accounts.verify(password, of: account) } else {
            await accounts.burnVerification(password)
            verified = false
        }
        guard let account, verified else {
            await throttle.recordFailure(username: username, address: address, now: now())
            context.logger.notice("dashboard login failed")
            return try await loginPage(request, context, error: text["login_failed"], username: username, status: .unauthorized)
        }
        await throttle.recordSuccess(username: username, address: address)
        let token = SessionToken.random()
        let issued = now()
        try await store.createAdminSession(
            AdminSession(
                tokenHash: token.hash, adminID: account.id, createdAt: issued,
                expiresAt: issued.addingTimeInterval(Self.sessionLifetime)))
        _ = try? await store.deleteExpiredAdminSessions(now: issued)
        context.logger.info("dashboard login", metadata: ["admin": .string(account.id)])
        var response = Response(status: .seeOther, headers: [.location: FormFields.localPath(form["next"])])
        response.setCookie(
            Cookie(
                name: DashboardAuthMiddleware.cookieName, value: token.secret, maxAge: Int(Self.sessionLifetime), path: "/",
                secure: secureCookies, httpOnly: true, sameSite: .lax))
        response.setCookie(Cookie(name: Self.loginCookie, value: "", maxAge: 0, path: "/login", secure: secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func logout(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        guard let session = try await checkedSession(request, context) else { return forbidden() }
        _ = try await store.deleteAdminSession(tokenHash: session.tokenHash)
        var response = Response(status: .seeOther, headers: [.location: "/login"])
        response.setCookie(
            Cookie(name: DashboardAuthMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    func switchLanguage(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        guard let session = context.dashboard, let sent = form["csrf"], SessionToken.equal(sent, session.csrfToken) else {
            return forbidden()
        }
        let locale = ShopLocale(tag: form["lang"] ?? "") ?? settings.defaultLocale
        var response = Response(status: .seeOther, headers: [.location: FormFields.localPath(form["next"])])
        response.setCookie(languageCookie(locale))
        return response
    }

    /// The session, when the form's CSRF token is the session's.
    private func checkedSession(_ request: Request, _ context: FlywheelRequestContext) async throws -> DashboardSession? {
        let form = try await FormFields.read(request)
        guard let session = context.dashboard, let sent = form["csrf"], SessionToken.equal(sent, session.csrfToken) else {
            return nil
        }
        return session
    }

    private func forbidden() -> Response {
        Response(
            status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: "The form's security token is missing or wrong. Reload the page and try again.\n")))
    }

    private func languageCookie(_ locale: ShopLocale) -> Cookie {
        Cookie(
            name: DashboardLocale.cookieName, value: locale.rawValue, maxAge: 365 * 86_400, path: "/", secure: secureCookies,
            httpOnly: true, sameSite: .lax)
    }
}
