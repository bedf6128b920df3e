public import Foundation

/// What proves an opt-in (double opt-in, §7(2) UWG): when and where it was asked for, and when and how it
/// was confirmed. The shop gives the request's details; Flywheel adds the confirmation.
public struct OptInProof: Hashable, Sendable, Codable {
    /// When the customer asked (e.g. ticked the newsletter box).
    public var requestedAt: Date?
    /// Where the request came from, as the shop names it (`checkout`, `newsletter-form` …).
    public var requestSource: String?
    /// The requester's IP address, as the shop gives it.
    public var requestIP: String?
    /// When the customer confirmed.
    public var confirmedAt: Date?
    /// How the customer confirmed (`confirmation-link`, or what the shop reports).
    public var confirmation: String?

    public init(
        requestedAt: Date? = nil, requestSource: String? = nil, requestIP: String? = nil, confirmedAt: Date? = nil,
        confirmation: String? = nil
    ) {
        self.requestedAt = requestedAt
        self.requestSource = requestSource
        self.requestIP = requestIP
        self.confirmedAt = confirmedAt
        self.confirmation = confirmation
    }

    /// Whether nothing is known.
    public var isEmpty: Bool {
        requestedAt == nil && requestSource == nil && requestIP == nil && confirmedAt == nil && confirmation == nil
    }
}
