/// Why an address is on the suppression list, and which messages that blocks.
public enum SuppressionReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Unsubscribed from marketing (link, one-click, reply): blocks marketing.
    case unsubscribed
    /// Objected to service mail too (preference page): blocks marketing and service.
    case objected
    /// Marked a message as spam: blocks marketing and service.
    case complained
    /// The address does not exist: blocks everything, transactional included.
    case hardBounce = "hard_bounce"
    /// The customer was erased (GDPR Art. 17): blocks everything.
    case erased

    /// Whether a message of this class may not go to a suppressed address.
    public func blocks(_ messageClass: MessageClass) -> Bool {
        switch self {
        case .unsubscribed: messageClass == .marketing
        case .objected, .complained: messageClass != .transactional
        case .hardBounce, .erased: true
        }
    }
}
