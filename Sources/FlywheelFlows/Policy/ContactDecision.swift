public import Foundation

/// The policy's verdict on one message: send (on which ground), postpone until a time, or skip and why.
public enum ContactDecision: Hashable, Sendable {
    case send(ConsentBasis)
    case postpone(until: Date, SkipReason)
    case skip(SkipReason)
}
