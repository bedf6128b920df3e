import FlywheelCore
import Foundation
import HTTPTypes
import Hummingbird

/// `/c/unsubscribe?t=…` — the `List-Unsubscribe` link of every marketing message (a `CustomerLink` of purpose
/// `.unsubscribe`, the channel in its detail).
///
/// - `POST` with the body `List-Unsubscribe=One-Click` (RFC 8058; as `application/x-www-form-urlencoded` or
///   `multipart/form-data`) unsubscribes at once and answers 200. No cookie and no form token: mail clients
///   send neither, and the signed link is the authority.
/// - `GET` only shows a page with a button (mail scanners follow links) and a link to the preference page;
///   the button posts the same field plus the page's form token.
struct UnsubscribePageRoutes: Sendable {
    static let path = "/c/unsubscribe"
    let context: CustomerPageContext

    func register(on router: Router<FlywheelRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in try await show(request) }
        router.post(RouterPath(Self.path)) { request, _ in try await unsubscribe(request) }
    }

    private func show(_ request: Request) async throws -> Response {
        let now = context.now()
        let link: CustomerLink
        let token: String
        switch context.gate.open(request, purpose: .unsubscribe, now: now) {
        case .success(let opened):
            link = opened.0
            token = opened.1
        case .failure(let refusal): return refusal.response
        }
        guard let channel = ConsentChannel(rawValue: link.detail),
            let customer = try await context.store.customer(externalID: link.customer)
        else { return context.gate.refused(request, status: .badRequest) }
        let locale = CustomerPageLocale(customer: customer, request: request, shop: context.shopLocale)
        let words = CustomerPageText.table(locale.language)
        let preferences = context.desk.links.preferences(customer: customer.externalID, now: now)
        return context.renderer.page(
            "customer_unsubscribe",
            [
                "title": words["unsubscribe_title"] ?? "",
                "question": words[channel == .email ? "unsubscribe_email" : "unsubscribe_sms"] ?? "",
                "action": CustomerPageContext.action(Self.path, token: token),
                "csrf": LinkFormToken.make(linkToken: token, link: link, signer: context.signer),
                "preferences": CustomerPageContext.relative(preferences),
            ], locale: locale)
    }

    private func unsubscribe(_ request: Request) async throws -> Response {
        let now = context.now()
        let link: CustomerLink
        let token: String
        switch context.gate.open(request, purpose: .unsubscribe, now: now) {
        case .success(let opened):
            link = opened.0
            token = opened.1
        case .failure(let refusal): return refusal.response
        }
        guard let channel = ConsentChannel(rawValue: link.detail) else {
            return context.gate.refused(request, status: .badRequest)
        }
        var request = request
        let body = String(buffer: try await request.collectBody(upTo: 16 * 1024))
        let source: ConsentSource
        if Self.isOneClick(body, contentType: request.headers[.contentType]) {
            source = .oneClick
        } else {
            let form = FormFields(parsing: body)
            guard form["List-Unsubscribe"] == "One-Click",
                LinkFormToken.isValid(form["csrf"], linkToken: token, link: link, signer: context.signer, now: now)
            else { return context.gate.refused(request, status: .badRequest) }
            source = .unsubscribeLink
        }
        let customer = try await context.store.customer(externalID: link.customer)
        if customer != nil {
            try await context.desk.unsubscribe(customerID: link.customer, channel: channel, source: source, now: now)
        }
        // A customer no longer stored (erased) gets nothing anyway: the answer is the same.
        let locale = CustomerPageLocale(customer: customer, request: request, shop: context.shopLocale)
        let words = CustomerPageText.table(locale.language)
        let preferences = customer.map { context.desk.links.preferences(customer: $0.externalID, now: now) }
        return context.renderer.message(
            title: words["unsubscribed_title"] ?? "",
            paragraphs: [words[channel == .email ? "unsubscribed_email" : "unsubscribed_sms"] ?? ""],
            link: preferences.map { (CustomerPageContext.relative($0), words["preferences_link"] ?? "") }, locale: locale)
    }

    /// Whether a body is RFC 8058's one-click request: exactly `List-Unsubscribe=One-Click` as a URL-encoded
    /// form, or that one field as multipart form data.
    static func isOneClick(_ body: String, contentType: String?) -> Bool {
        if body.trimmingCharacters(in: .whitespacesAndNewlines) == "List-Unsubscribe=One-Click" { return true }
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return false }
        let parts = body.components(separatedBy: "name=\"List-Unsubscribe\"")
        guard parts.count == 2, let valueStart = parts[1].range(of: "\r\n\r\n") else { return false }
        return parts[1][valueStart.upperBound...].hasPrefix("One-Click\r\n")
    }
}
