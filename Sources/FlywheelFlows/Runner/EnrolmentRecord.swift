public import Foundation

/// One line of an enrolment's history: what happened at which step and when.
public struct EnrolmentRecord: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case entered(holdout: Bool)
        case waiting(until: Date)
        case resumed(by: TriggerKind)
        case branched(taken: Bool)
        case variant(String)
        case sent(Channel, ConsentBasis)
        case postponed(until: Date, SkipReason)
        case skipped(SkipReason)
        case performed
        case exited(ExitReason)
    }

    public var at: Date
    /// The step index in the enrolment's flow version (`-1` for the entry itself).
    public var step: Int
    public var outcome: Outcome

    public init(at: Date, step: Int, outcome: Outcome) {
        self.at = at
        self.step = step
        self.outcome = outcome
    }
}
