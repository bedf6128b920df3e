import FlywheelCore
import FlywheelServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Dashboard: sign-in, sessions, CSRF")
struct DashboardAuthTests {
    @Test("pages need a session: a GET goes to the login and comes back, a POST is refused")
    func pagesNeedSession() async throws {
        try await DashboardTestServer().test { browser in
            let home = try await browser.get("/")
            #expect(home.status == .seeOther)
            #expect(home.headers[.location] == "/login")
            let segments = try await browser.get("/segments?x=1")
            #expect(segments.headers[.location] == "/login?next=%2Fsegments%3Fx%3D1")
            #expect(try await browser.post("/language", form: [("lang", "de")]).status == .forbidden)
            #expect(try await browser.get("/segments/export.csv?segment=all").status == .seeOther)
            // The API keeps its own keys; the dashboard's cookie is no API key.
            #expect(try await browser.get("/api/v1/customers/c1").status == .unauthorized)
            #expect(try await browser.get("/health").status == .ok)
            #expect(try await browser.get("/assets/dashboard.css").status == .ok)
        }
    }

    @Test("signing in: a forged form, a wrong password, then the right one; signing out ends the session")
    func signInAndOut() async throws {
        let server = DashboardTestServer()
        try await server.test { browser in
            let login = try await browser.get("/login?next=%2Fcohorts")
            #expect(login.status == .ok)
            let setCookie = browser.lastSetCookies.first { $0.hasPrefix("fw_login=") } ?? ""
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            let token = BrowserClient.field("csrf", in: String(buffer: login.body)) ?? ""
            #expect(token.count == 43)

            let forged = try await browser.post(
                "/login", form: [("csrf", "forged"), ("username", "owner"), ("password", DashboardTestServer.password)])
            #expect(forged.status == .badRequest)
            #expect(browser.cookies["fw_session"] == nil)

            let wrong = try await browser.post("/login", form: [("csrf", token), ("username", "owner"), ("password", "nope")])
            #expect(wrong.status == .unauthorized)
            #expect(String(buffer: wrong.body).contains("do not match") || String(buffer: wrong.body).contains("passen zu keinem"))
            let unknown = try await browser.post("/login", form: [("csrf", token), ("username", "nobody"), ("password", "nope")])
            #expect(unknown.status == .unauthorized)

            let right = try await browser.post(
                "/login", form: [("csrf", token), ("username", "owner"), ("password", DashboardTestServer.password), ("next", "/cohorts")])
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/cohorts")
            let session = browser.lastSetCookies.first { $0.hasPrefix("fw_session=") } ?? ""
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Path=/"))
            #expect(!session.contains("Secure"))  // plain HTTP on 127.0.0.1; ServerConfiguration.secureCookies adds it
            // Only the token's hash is stored.
            let secret = browser.cookies["fw_session"] ?? ""
            #expect(try await server.store.adminSession(tokenHash: secret) == nil)

            let home = try await browser.get("/")
            #expect(home.status == .ok)
            let html = String(buffer: home.body)
            #expect(html.contains("owner"))
            let csrf = BrowserClient.field("csrf", in: html) ?? ""
            #expect(!csrf.isEmpty && csrf != secret)

            // An open redirect is not possible through `next`.
            _ = try await browser.post("/logout", form: [("csrf", csrf)])
            #expect(try await browser.get("/").status == .seeOther)
            let again = try await browser.get("/login")
            let token2 = BrowserClient.field("csrf", in: String(buffer: again.body)) ?? ""
            let offsite = try await browser.post(
                "/login",
                form: [("csrf", token2), ("username", "owner"), ("password", DashboardTestServer.password), ("next", "//evil.example/")])
            #expect(offsite.headers[.location] == "/")
        }
    }

    @Test("signing out needs the form's CSRF token, and deletes the stored session")
    func logoutNeedsToken() async throws {
        let server = DashboardTestServer()
        try await server.test { browser in
            try await browser.signIn()
            let html = String(buffer: try await browser.get("/").body)
            let csrf = BrowserClient.field("csrf", in: html) ?? ""
            #expect(try await browser.post("/logout", form: [("csrf", "wrong")]).status == .forbidden)
            #expect(try await browser.get("/").status == .ok)
            let out = try await browser.post("/logout", form: [("csrf", csrf)])
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/login")
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test("five failed logins block the account from that address, even with the right password")
    func throttle() async throws {
        try await DashboardTestServer().test { browser in
            for _ in 0..<5 {
                let failed = try await browser.signIn(password: "wrong password")
                #expect(failed.status == .unauthorized)
            }
            let blocked = try await browser.signIn()
            #expect(blocked.status == .tooManyRequests)
            #expect(Int(blocked.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(browser.cookies["fw_session"] == nil)
        }
    }

    @Test("an expired session no longer signs in")
    func expiredSession() async throws {
        let server = DashboardTestServer()
        try await server.test { browser in
            let admin = try await server.store.admin(username: "owner")
            let secret = "expired-session-secret-expired-session-xyz"
            try await server.store.createAdminSession(
                AdminSession(
                    tokenHash: APIKeyIssuer.hash(secret: secret), adminID: admin?.id ?? "",
                    createdAt: server.now.addingTimeInterval(-86_400), expiresAt: server.now.addingTimeInterval(-1)))
            browser.setCookie("fw_session", secret)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test("every dashboard answer carries the security headers")
    func securityHeaders() async throws {
        try await DashboardTestServer().test { browser in
            for path in ["/login", "/"] {
                let response = try await browser.get(path)
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && !csp.contains("script-src"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            }
        }
    }

    @Test("passwords: too short is refused; the hash is bcrypt and verifies only the right password")
    func passwords() async throws {
        let accounts = AdminAccounts(cost: 4)
        await #expect(throws: AdminPasswordError.self) {
            try await accounts.account(username: "a", password: "short", now: Date())
        }
        await #expect(throws: AdminPasswordError.self) {
            try await accounts.account(username: "  ", password: "long enough password", now: Date())
        }
        let account = try await accounts.account(username: "anna", password: "long enough password", now: Date())
        #expect(account.passwordHash.hasPrefix("$2"))
        #expect(!account.passwordHash.contains("long enough"))
        #expect(await accounts.verify("long enough password", of: account))
        #expect(await !accounts.verify("long enough passwort", of: account))
        #expect(AdminAccounts.randomPassword().count == 23)
        #expect(AdminAccounts.randomPassword() != AdminAccounts.randomPassword())
    }
}
