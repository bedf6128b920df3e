import FlywheelCore
import Foundation
import HTTPTypes
import Hummingbird

/// Opens a customer page's link: the `t` query parameter checked by the signer for the page's purpose. A
/// refused link gets one neutral page whatever the reason (no oracle for forgers): 410 when it expired,
/// 400 otherwise.
struct CustomerLinkGate: Sendable {
    let signer: CustomerLinkSigner
    let renderer: CustomerPageRenderer
    let shopLocale: ShopLocale

    /// The link and its token, or the refusal to answer with.
    func open(_ request: Request, purpose: CustomerLink.Purpose, now: Date) -> Result<(CustomerLink, String), Refusal> {
        let token = request.uri.queryParameters.get("t") ?? ""
        switch signer.verify(token, purpose: purpose, now: now) {
        case .success(let link): return .success((link, token))
        case .failure(let rejection):
            return .failure(Refusal(response: refused(request, status: rejection == .expired ? .gone : .badRequest)))
        }
    }

    /// The neutral "this link does not work" page, in `language` when the page was asked for one.
    func refused(_ request: Request, status: HTTPResponse.Status, language: ShopLocale? = nil) -> Response {
        let locale = language.map(CustomerPageLocale.init) ?? CustomerPageLocale(customer: nil, request: request, shop: shopLocale)
        let words = CustomerPageText.table(locale.language)
        return renderer.message(
            title: words["link_invalid_title"] ?? "", paragraphs: [words["link_invalid"] ?? ""], locale: locale,
            status: status)
    }

    /// A refused link's answer.
    struct Refusal: Error {
        let response: Response
    }
}
