import FlywheelCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// `/c/answer?t=…` — a customer answers a message's question (the delivery check-in's "did everything
/// arrive well?") by a signed link (`CustomerLinkURLs.answer`, purpose `.answer`, the answer and the order
/// signed in its detail). `GET` only shows the answer with a button: mail scanners and link previews follow
/// links, and a "no" opens a support ticket, so only the customer's `POST` (with the page's form token)
/// passes the answer on to `recipient` (the flow runtime). Sending the same answer again is harmless: the
/// recipient's flows have moved on, or dedup the event.
struct AnswerPageRoutes: Sendable {
    static let path = "/c/answer"
    let context: CustomerPageContext
    let recipient: (any MessageAnswerRecipient)?
    let logger = Logger(label: "flywheel.customer-pages")

    func register(on router: Router<FlywheelRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in try await show(request) }
        router.post(RouterPath(Self.path)) { request, _ in try await answer(request) }
    }

    private func show(_ request: Request) async throws -> Response {
        let opened: (link: CustomerLink, token: String, answer: MessageAnswer)
        switch open(request) {
        case .success(let value): opened = value
        case .failure(let refusal): return refusal.response
        }
        let customer = try await context.store.customer(externalID: opened.link.customer)
        guard customer != nil else { return context.gate.refused(request, status: .badRequest) }
        let locale = CustomerPageLocale(customer: customer, request: request, shop: context.shopLocale)
        let words = CustomerPageText.table(locale.language)
        return context.renderer.page(
            "customer_answer",
            [
                "title": words["answer_title"] ?? "",
                "answer": words["answer_" + opened.answer.answer] ?? opened.answer.answer,
                "action": CustomerPageContext.action(Self.path, token: opened.token),
                "csrf": LinkFormToken.make(linkToken: opened.token, link: opened.link, signer: context.signer),
            ], locale: locale)
    }

    private func answer(_ request: Request) async throws -> Response {
        let now = context.now()
        let opened: (link: CustomerLink, token: String, answer: MessageAnswer)
        switch open(request) {
        case .success(let value): opened = value
        case .failure(let refusal): return refusal.response
        }
        var request = request
        let form = FormFields(parsing: String(buffer: try await request.collectBody(upTo: 16 * 1024)))
        guard LinkFormToken.isValid(form["csrf"], linkToken: opened.token, link: opened.link, signer: context.signer, now: now)
        else { return context.gate.refused(request, status: .badRequest) }
        let customer = try await context.store.customer(externalID: opened.link.customer)
        guard customer != nil else { return context.gate.refused(request, status: .badRequest) }
        let locale = CustomerPageLocale(customer: customer, request: request, shop: context.shopLocale)
        let words = CustomerPageText.table(locale.language)
        if let recipient {
            try await recipient.answered(customerID: opened.link.customer, answer: opened.answer, at: now)
        } else {
            logger.warning("an answer link was used while no flows run; the answer is not passed on")
        }
        let text = words["answered_" + opened.answer.answer] ?? words["answered_other"] ?? ""
        return context.renderer.message(title: words["answered_title"] ?? "", paragraphs: [text], locale: locale)
    }

    /// The link, its token and its answer; or the neutral refusal page for a forged, expired or malformed one.
    private func open(_ request: Request) -> Result<(link: CustomerLink, token: String, answer: MessageAnswer), CustomerLinkGate.Refusal> {
        switch context.gate.open(request, purpose: .answer, now: context.now()) {
        case .success(let opened):
            guard let answer = MessageAnswer(linkDetail: opened.0.detail) else {
                return .failure(CustomerLinkGate.Refusal(response: context.gate.refused(request, status: .badRequest)))
            }
            return .success((opened.0, opened.1, answer))
        case .failure(let refusal): return .failure(refusal)
        }
    }
}
