import FlywheelCore
import Foundation
import HTTPTypes
import Hummingbird

/// `/c/preferences?t=…` — the customer's preference page (a `CustomerLink` of purpose `.preferences`): e-mail
/// and SMS marketing on or off, with the current state and the legal notice. `POST` saves (history source
/// `preference_page`); its form carries a token derived from the link (`LinkFormToken`), as there is no session.
struct PreferencePageRoutes: Sendable {
    static let path = "/c/preferences"
    let context: CustomerPageContext

    func register(on router: Router<FlywheelRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in try await handle(request, saving: false) }
        router.post(RouterPath(Self.path)) { request, _ in try await handle(request, saving: true) }
    }

    private func handle(_ request: Request, saving: Bool) async throws -> Response {
        let now = context.now()
        let link: CustomerLink
        let token: String
        switch context.gate.open(request, purpose: .preferences, now: now) {
        case .success(let opened):
            link = opened.0
            token = opened.1
        case .failure(let refusal): return refusal.response
        }
        guard var customer = try await context.store.customer(externalID: link.customer) else {
            return context.gate.refused(request, status: .badRequest)
        }
        let locale = CustomerPageLocale(customer: customer, request: request, shop: context.shopLocale)
        let words = CustomerPageText.table(locale.language)
        var notice: String?
        var status = HTTPResponse.Status.ok
        if saving {
            var request = request
            let form = FormFields(parsing: String(buffer: try await request.collectBody(upTo: 16 * 1024)))
            if LinkFormToken.isValid(form["csrf"], linkToken: token, link: link, signer: context.signer, now: now) {
                for channel in ConsentChannel.allCases {
                    guard let value = form[channel.rawValue], value == "on" || value == "off" else { continue }
                    try await context.desk.setMarketing(customerID: customer.externalID, channel: channel, on: value == "on", now: now)
                }
                customer = try await context.store.customer(externalID: link.customer) ?? customer
                notice = words["preferences_saved"]
            } else {
                notice = words["preferences_expired_form"]
                status = .badRequest
            }
        }
        let consent = customer.consent ?? MarketingConsent()
        let channels: [[String: Any]] = ConsentChannel.allCases.map { channel in
            let state = consent.state(channel)
            let current = state == .granted ? "state_granted" : state == .pending ? "state_pending" : "state_off"
            return [
                "name": channel.rawValue, "label": words[channel == .email ? "preferences_email" : "preferences_sms"] ?? "",
                "current": words[current] ?? "", "on": state == .granted,
            ]
        }
        var page: [String: Any] = [
            "title": words["preferences_title"] ?? "", "channels": channels,
            "action": CustomerPageContext.action(Self.path, token: token),
            "csrf": LinkFormToken.make(linkToken: token, link: link, signer: context.signer),
        ]
        if let notice { page["notice"] = notice }
        return context.renderer.page("customer_preferences", page, locale: locale, status: status)
    }
}
