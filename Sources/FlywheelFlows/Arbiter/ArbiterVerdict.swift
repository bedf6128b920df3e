/// The arbiter's answer for one candidate message.
public enum ArbiterVerdict: Hashable, Sendable {
    case send(OutgoingMessage)
    /// Not sent: a more valuable message to the same customer won (for the timeline).
    case heldBack(OutgoingMessage, SkipReason)

    public var message: OutgoingMessage {
        switch self {
        case .send(let message), .heldBack(let message, _): message
        }
    }
}
