/// What a message is for; each class has its own consent rule (see `ContactPolicy`).
public enum MessageClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// Needed to perform the contract the customer asked for: order confirmation, invoice, shipping notice.
    /// No marketing consent needed; never held out, never capped, never quiet-houred.
    case transactional
    /// Information about an existing relationship that contains no advertising (points statement without
    /// offers, account notices). Respects a service opt-out; no marketing consent needed.
    case service
    /// Advertising in the widest sense, including review and satisfaction requests (BGH VI ZR 225/17).
    /// Needs marketing consent or the existing-customer exemption (§7(3) UWG).
    case marketing
}
