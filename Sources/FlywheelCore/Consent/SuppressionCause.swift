/// Why an address is suppressed, as stored (the same names and strengths as `FlywheelFlows.SuppressionReason`,
/// which decides what each blocks).
public enum SuppressionCause: String, Sendable, Hashable, CaseIterable, Codable {
    /// Unsubscribed from marketing: blocks marketing.
    case unsubscribed
    /// Objected to service mail too: blocks marketing and service.
    case objected
    /// Marked a message as spam: blocks marketing and service.
    case complained
    /// The address does not exist: blocks everything.
    case hardBounce = "hard_bounce"
    /// The customer was erased: blocks everything.
    case erased

    /// How much it blocks (the number of message classes: marketing, service, transactional). An entry is
    /// only replaced by a strictly stronger cause.
    public var strength: Int {
        switch self {
        case .unsubscribed: 1
        case .objected, .complained: 2
        case .hardBounce, .erased: 3
        }
    }
}
