import Crypto
import Foundation

/// The secret a signed-in browser holds in its `fw_session` cookie (32 random bytes, base64url), what the
/// store keeps of it (its SHA-256, hex), and the CSRF token forms carry (an HMAC of a fixed label keyed by
/// the session secret: the server recomputes it and never stores it; another site can neither read nor
/// guess it).
struct SessionToken: Sendable {
    let secret: String

    static func random() -> SessionToken {
        var generator = SystemRandomNumberGenerator()
        return SessionToken(secret: Base64URL.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }))
    }

    var hash: String { APIKeyIssuer.hex(SHA256.hash(data: Data(secret.utf8))) }

    var csrfToken: String {
        let key = SymmetricKey(data: Data(secret.utf8))
        return Base64URL.encode(Data(HMAC<SHA256>.authenticationCode(for: Data("flywheel-dashboard-csrf".utf8), using: key)))
    }

    /// Compares two tokens in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
