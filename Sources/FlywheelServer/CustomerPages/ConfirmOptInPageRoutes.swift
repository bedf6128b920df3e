import FlywheelCore
import Foundation
import HTTPTypes
import Hummingbird

/// `/c/confirm?t=…` — the double opt-in confirmation link (a `CustomerLink` of purpose `.confirmOptIn`, valid
/// 7 days, the address's digest in its detail). `GET` only shows a button: mail scanners and link previews
/// follow links, and a confirmation must be the customer's act. `POST` (with the page's form token) confirms:
/// e-mail marketing `granted`, the proof completed with the confirmation's time and way.
struct ConfirmOptInPageRoutes: Sendable {
    static let path = "/c/confirm"
    let context: CustomerPageContext

    func register(on router: Router<FlywheelRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in try await show(request) }
        router.post(RouterPath(Self.path)) { request, _ in try await confirm(request) }
    }

    private func show(_ request: Request) async throws -> Response {
        let now = context.now()
        let link: CustomerLink
        let token: String
        switch context.gate.open(request, purpose: .confirmOptIn, now: now) {
        case .success(let opened):
            link = opened.0
            token = opened.1
        case .failure(let refusal): return refusal.response
        }
        let customer = try await context.store.customer(externalID: link.customer)
        guard customer != nil else { return context.gate.refused(request, status: .badRequest) }
        let locale = CustomerPageLocale(customer: customer, request: request, shop: context.shopLocale)
        let words = CustomerPageText.table(locale.language)
        return context.renderer.page(
            "customer_confirm",
            [
                "title": words["confirm_title"] ?? "", "action": CustomerPageContext.action(Self.path, token: token),
                "csrf": LinkFormToken.make(linkToken: token, link: link, signer: context.signer),
            ], locale: locale)
    }

    private func confirm(_ request: Request) async throws -> Response {
        let now = context.now()
        let link: CustomerLink
        let token: String
        switch context.gate.open(request, purpose: .confirmOptIn, now: now) {
        case .success(let opened):
            link = opened.0
            token = opened.1
        case .failure(let refusal): return refusal.response
        }
        var request = request
        let form = FormFields(parsing: String(buffer: try await request.collectBody(upTo: 16 * 1024)))
        guard LinkFormToken.isValid(form["csrf"], linkToken: token, link: link, signer: context.signer, now: now) else {
            return context.gate.refused(request, status: .badRequest)
        }
        let customer = try await context.store.customer(externalID: link.customer)
        let locale = CustomerPageLocale(customer: customer, request: request, shop: context.shopLocale)
        let words = CustomerPageText.table(locale.language)
        switch try await context.desk.confirmOptIn(customerID: link.customer, addressHash: link.detail, now: now) {
        case .confirmed, .alreadyConfirmed:
            return context.renderer.message(
                title: words["confirmed_title"] ?? "", paragraphs: [words["confirmed_text"] ?? ""], locale: locale)
        case .nothingToConfirm:
            return context.renderer.message(
                title: words["confirm_title"] ?? "", paragraphs: [words["nothing_to_confirm"] ?? ""], locale: locale,
                status: .gone)
        }
    }
}
