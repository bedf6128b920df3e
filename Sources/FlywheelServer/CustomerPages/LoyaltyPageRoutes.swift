import FlywheelCore
import FlywheelLoyalty
import Foundation
import HTTPTypes
import Hummingbird

/// The customer's loyalty page, reached by a signed link (`CustomerLink(.loyalty)`), no account and no
/// session: `GET /c/loyalty?t=TOKEN` shows balance, pending points, tier and progress, what expires next,
/// rewards (a redeem button where affordable), codes, recent history and the referral code and link, in
/// the programme's colours and texts, German or English. `POST /c/loyalty/redeem` redeems; its form carries
/// the customer pages' form token (`LinkFormToken`, derived from the link token), so nothing is stored. An
/// expired, forged or foreign link gets the customer pages' neutral page (`CustomerLinkGate`: 410 expired,
/// 400 otherwise); no programme: 404.
struct LoyaltyPageRoutes: Sendable {
    let loyalty: LoyaltyService?
    let signer: CustomerLinkSigner
    let renderer: CustomerPageRenderer
    let defaultLocale: ShopLocale
    let currency: CurrencyCode
    let now: @Sendable () -> Date

    static let path = "/c/loyalty"

    /// The page's address for a link token.
    static func url(base: URL, token: String) -> URL {
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false) ?? URLComponents()
        components.path = (components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path) + path
        components.queryItems = [URLQueryItem(name: "t", value: token)]
        return components.url ?? base
    }

    func register(on router: Router<FlywheelRequestContext>) {
        router.get("/c/loyalty") { request, _ in try await show(request) }
        router.post("/c/loyalty/redeem") { request, _ in try await redeem(request) }
    }

    private var gate: CustomerLinkGate { CustomerLinkGate(signer: signer, renderer: renderer, shopLocale: defaultLocale) }

    private func show(_ request: Request) async throws -> Response {
        let token = request.uri.queryParameters.get("t") ?? ""
        let asked = request.uri.queryParameters.get("lang").flatMap(ShopLocale.init(tag:))
        return try await page(token: token, asked: asked, request: request, message: nil)
    }

    private func redeem(_ request: Request) async throws -> Response {
        let form = try await FormFields.read(request)
        let token = form["t"] ?? ""
        let asked = form["lang"].flatMap(ShopLocale.init(tag:))
        guard let loyalty else { return gate.refused(request, status: .notFound, language: asked) }
        guard case .success(let link) = signer.verify(token, purpose: .loyalty, now: now()) else {
            return try await page(token: token, asked: asked, request: request, message: nil)
        }
        let locale = try await locale(asked: asked, customer: link.customer, request: request)
        let words = LoyaltyPageText.table(locale)
        guard LinkFormToken.isValid(form["csrf"], linkToken: token, link: link, signer: signer, now: now()) else {
            return renderer.message(
                title: CustomerPageText.table(locale)["link_invalid_title"] ?? "", paragraphs: [words["form_refused"]!],
                locale: CustomerPageLocale(locale), status: .forbidden)
        }
        let outcome = try await loyalty.redeem(customer: link.customer, rewardID: form["reward"] ?? "", now: now())
        let message: (text: String, code: String?, status: HTTPResponse.Status)
        switch outcome {
        case .redeemed(let code, _): message = (words["redeemed"]!, code.code, .ok)
        case .unaffordable: message = (words["unaffordable"]!, nil, .conflict)
        case .limitReached: message = (words["limit"]!, nil, .conflict)
        case .unknownReward, .codesExhausted: message = (words["unknown_reward"]!, nil, .unprocessableContent)
        }
        return try await page(token: token, asked: locale, request: request, message: message)
    }

    private func page(
        token: String, asked: ShopLocale?, request: Request,
        message: (text: String, code: String?, status: HTTPResponse.Status)?
    ) async throws -> Response {
        guard let loyalty else { return gate.refused(request, status: .notFound, language: asked) }
        let link: CustomerLink
        switch signer.verify(token, purpose: .loyalty, now: now()) {
        case .success(let verified): link = verified
        case .failure(.expired): return gate.refused(request, status: .gone, language: asked)
        case .failure: return gate.refused(request, status: .badRequest, language: asked)
        }
        let locale = try await locale(asked: asked, customer: link.customer, request: request)
        let at = now()
        let account = try await loyalty.account(of: link.customer, now: at)
        let history = try await loyalty.store.ledgerHistory(LedgerHistoryQuery(customer: link.customer, limit: 10))
        var context = LoyaltyPageView(
            programme: loyalty.programme, locale: locale, currency: CurrencyCode(loyalty.programme.currency) ?? currency,
            calendar: loyalty.calendar
        ).context(
            account: account, history: history.entries, token: token, csrf: LinkFormToken.make(linkToken: token, link: link, signer: signer),
            referral: loyalty.referralCode(of: link.customer).map { ($0, loyalty.referralLink(of: link.customer)) })
        if let message {
            context["message"] = message.text
            if let code = message.code { context["code"] = code }
        }
        return renderer.page("loyalty", context, status: message?.status ?? .ok)
    }

    /// `?lang=` (the switch), else the customer's stored locale, else the browser's, else the shop's.
    private func locale(asked: ShopLocale?, customer: String, request: Request) async throws -> ShopLocale {
        if let asked { return asked }
        if let stored = try await loyalty?.store.customer(externalID: customer)?.locale { return stored }
        return CustomerPageLocale.browser(request) ?? defaultLocale
    }
}
