public import Foundation

/// An erasure request (GDPR Art. 17) as the store carries it out, in one transaction: the customer's
/// personal data removed, the record renamed to `pseudonym` (orders stay for the books), its consent
/// history dropped and its addresses' suppression entries turned into digest-only `erased` entries.
public struct CustomerErasure: Hashable, Sendable {
    public var customerExternalID: String
    /// The id the customer's record keeps (e.g. `erased-1f3a…`); must not name a stored customer.
    public var pseudonym: String
    /// Digest-only entries to add (cause `erased`, no address), one per address the customer had.
    public var suppressions: [SuppressionEntry]
    public var erasedAt: Date

    public init(customerExternalID: String, pseudonym: String, suppressions: [SuppressionEntry], erasedAt: Date) {
        self.customerExternalID = customerExternalID
        self.pseudonym = pseudonym
        self.suppressions = suppressions
        self.erasedAt = erasedAt
    }
}
