public import Foundation

/// Why a step did nothing, a message was postponed or held back — written on the customer's timeline.
public enum SkipReason: Hashable, Sendable, CustomStringConvertible {
    /// The customer is in the flow's holdout group.
    case holdout
    case noAddress(Channel)
    case suppressed(Channel, SuppressionReason)
    /// No marketing consent and no exemption on this channel.
    case noConsent(Channel)
    /// A win-back while an order is still on its way.
    case orderInTransit
    /// Smart sending: a marketing message went out at `lastAt`, within the configured hours.
    case recentlyMessaged(lastAt: Date)
    /// The frequency cap (`limit` marketing messages per window) is reached.
    case frequencyCap(limit: Int)
    /// Inside quiet hours in the customer's zone (a postponement, not a skip).
    case quietHours
    /// The arbiter preferred another flow's message.
    case heldBack(byFlow: String)

    public var description: String {
        switch self {
        case .holdout: "holdout group: nothing is sent, for measuring lift"
        case .noAddress(let channel): "no \(channel.rawValue) address"
        case .suppressed(let channel, let reason): "\(channel.rawValue) address suppressed (\(reason.rawValue))"
        case .noConsent(let channel): "no \(channel.rawValue) marketing consent and no existing-customer exemption"
        case .orderInTransit: "win-back while an order is on its way"
        case .recentlyMessaged: "smart sending: messaged recently"
        case .frequencyCap(let limit): "frequency cap of \(limit) marketing messages reached"
        case .quietHours: "quiet hours in the customer's time zone"
        case .heldBack(let flow): "held back for a more valuable message of flow \(flow)"
        }
    }
}
