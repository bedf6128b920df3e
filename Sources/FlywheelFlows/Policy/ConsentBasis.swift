/// On what ground a message may be sent; the renderer must add an opt-out notice for the last two.
public enum ConsentBasis: String, Sendable, Hashable, Codable {
    /// Transactional or service mail: no marketing consent needed.
    case notNeeded = "not_needed"
    /// Confirmed marketing consent (double opt-in).
    case consent
    /// The existing-customer exemption, §7(3) UWG: every message must say the customer can object.
    case existingCustomer = "existing_customer"

    /// Whether the message must carry an unsubscribe / objection notice.
    public var needsOptOutNotice: Bool { self != .notNeeded }
}
