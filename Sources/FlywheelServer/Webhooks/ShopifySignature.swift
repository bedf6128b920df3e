import Crypto
import Foundation

/// Shopify's webhook signature: `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body under the
/// shop's webhook secret. Compared in constant time.
struct ShopifySignature: Sendable {
    private let secret: Data

    init(secret: String) {
        self.secret = Data(secret.utf8)
    }

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// Whether `header` is the signature of `body`.
    func isValid(header: String, body: some DataProtocol) -> Bool {
        guard let mac = Data(base64Encoded: header.trimmingCharacters(in: .whitespaces)),
            mac.count == SHA256.byteCount
        else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key)
    }

    /// The signature of `body` (for tests and tools that send webhooks).
    func sign(_ body: some DataProtocol) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: body, using: key)).base64EncodedString()
    }
}
