import Foundation

/// What fraud checks compare between referrer and friend. Values are normalised (trimmed, lower-cased,
/// inner spaces collapsed; Gmail-style `+tags` and dots ignored in e-mail local parts) before comparison.
public struct ReferralIdentity: Hashable, Sendable, Codable {
    /// The e-mail address.
    public var email: String?
    /// The shipping address as one line.
    public var address: String?
    /// A fingerprint of the payment method from the payment provider.
    public var paymentFingerprint: String?

    /// An identity; unknown parts stay `nil` and never match.
    public init(email: String? = nil, address: String? = nil, paymentFingerprint: String? = nil) {
        self.email = email.map(ReferralIdentity.normaliseEmail)
        self.address = address.map(ReferralIdentity.normalise)
        self.paymentFingerprint = paymentFingerprint.map(ReferralIdentity.normalise)
    }

    static func normalise(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).joined(separator: " ")
    }

    static func normaliseEmail(_ text: String) -> String {
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let at = lower.lastIndex(of: "@") else { return lower }
        let local = lower[..<at].prefix { $0 != "+" }.filter { $0 != "." }
        return local + lower[at...]
    }
}
