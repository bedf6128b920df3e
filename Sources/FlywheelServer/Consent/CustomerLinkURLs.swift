public import FlywheelCore
public import Foundation

/// Builds the signed `/c/…` URLs customers get in messages, on the server's public address.
///
/// Lifetimes: unsubscribe and preference links live 180 days — a message is often opened weeks later, and
/// RFC 8058 expects the `List-Unsubscribe` URL to keep working for as long as the message may be read; a link
/// that dies sooner leaves the customer unable to object, which is the worse failure (the link only ever
/// reduces what is sent). Confirmation links live 7 days: an old unconfirmed request is no longer a clear
/// wish, and the shop can ask again.
public struct CustomerLinkURLs: Sendable {
    public static let unsubscribeLifetime: TimeInterval = 180 * 86_400
    public static let preferencesLifetime: TimeInterval = 180 * 86_400
    public static let confirmationLifetime: TimeInterval = 7 * 86_400
    /// Answer links (the delivery check-in's yes / no) live 30 days: long enough to answer a message read
    /// late, short enough that an old answer does not open a ticket about an order long settled.
    public static let answerLifetime: TimeInterval = 30 * 86_400

    public let signer: CustomerLinkSigner
    public let baseURL: URL

    public init(signer: CustomerLinkSigner, baseURL: URL) {
        self.signer = signer
        self.baseURL = baseURL
    }

    /// The `List-Unsubscribe` URL for a customer and channel (RFC 8058: pair it with
    /// `List-Unsubscribe-Post: List-Unsubscribe=One-Click`). The outbox calls this for every marketing message.
    public func unsubscribe(customer: String, channel: ConsentChannel, now: Date) -> URL {
        url("/c/unsubscribe", CustomerLink(
            purpose: .unsubscribe, customer: customer, expiresAt: now + Self.unsubscribeLifetime, detail: channel.rawValue))
    }

    /// The preference page's URL for a customer.
    public func preferences(customer: String, now: Date) -> URL {
        url("/c/preferences", CustomerLink(purpose: .preferences, customer: customer, expiresAt: now + Self.preferencesLifetime))
    }

    /// The double opt-in confirmation URL, for the customer's address at the time of asking (a link for an
    /// address the customer no longer has does not confirm the new one).
    public func confirmOptIn(customer: String, email: String, now: Date) -> (url: URL, expiresAt: Date) {
        let link = CustomerLink(
            purpose: .confirmOptIn, customer: customer, expiresAt: now + Self.confirmationLifetime,
            detail: AddressDigest.of(email, channel: .email))
        return (url("/c/confirm", link), link.expiresAt)
    }

    /// The link a customer follows to answer a message's question, e.g. the delivery check-in's "yes" or
    /// "no" for an order. The answer and the order are part of what is signed (`MessageAnswer`), so a link
    /// cannot be turned into another answer.
    public func answer(customer: String, orderID: String?, answer: String, now: Date) -> URL {
        url("/c/answer", CustomerLink(
            purpose: .answer, customer: customer, expiresAt: now + Self.answerLifetime,
            detail: MessageAnswer(orderID: orderID, answer: answer).linkDetail))
    }

    func url(_ path: String, _ link: CustomerLink) -> URL {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)!
        components.path = (components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path) + path
        components.queryItems = [URLQueryItem(name: "t", value: signer.token(for: link))]
        return components.url!
    }
}
