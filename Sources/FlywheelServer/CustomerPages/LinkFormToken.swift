import Crypto
import Foundation

/// The hidden form token of the customer pages' forms. There is no session to tie it to, so it is derived
/// from the page's link token: a signed claim (the server's link key, HMAC-SHA256) naming the link's customer,
/// expiry and a SHA-256 of the link token. A form posted to a page with another link, or a made-up token, is
/// refused.
enum LinkFormToken {
    static let purpose = CustomerLink.Purpose(rawValue: "form")

    static func make(linkToken: String, link: CustomerLink, signer: CustomerLinkSigner) -> String {
        signer.token(
            for: CustomerLink(purpose: purpose, customer: link.customer, expiresAt: link.expiresAt, detail: digest(linkToken)))
    }

    static func isValid(_ formToken: String?, linkToken: String, link: CustomerLink, signer: CustomerLinkSigner, now: Date)
        -> Bool
    {
        guard let formToken, case .success(let claim) = signer.verify(formToken, purpose: purpose, now: now) else {
            return false
        }
        return claim.customer == link.customer && claim.detail == digest(linkToken)
    }

    private static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
