public import Foundation

/// Whether a customer agreed to marketing on one channel, and since when. Transactional mail needs none.
public enum ConsentState: String, Sendable, Hashable, CaseIterable {
    /// Never asked or not known: treated as no consent for marketing.
    case unknown
    /// Asked, opt-in not yet confirmed (double opt-in pending).
    case pending
    case granted
    case revoked
}

/// A customer's marketing consent per channel.
public struct MarketingConsent: Hashable, Sendable {
    public var email: ConsentState
    public var sms: ConsentState
    /// When the consent last changed, if known.
    public var updatedAt: Date?

    public init(email: ConsentState = .unknown, sms: ConsentState = .unknown, updatedAt: Date? = nil) {
        self.email = email
        self.sms = sms
        self.updatedAt = updatedAt
    }
}
