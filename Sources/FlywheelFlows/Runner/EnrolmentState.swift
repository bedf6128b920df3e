public import Foundation

/// Where an enrolment stands between calls.
public enum EnrolmentState: Hashable, Sendable {
    /// The current step runs at the next `advance`.
    case ready
    /// A wait step; the step after it runs at `until`.
    case waiting(until: Date)
    /// An `until_event` wait; `handle` resumes it, `advance` at `timeout` times it out.
    case waitingForEvent(timeout: Date)
    /// A send the policy postponed; it is tried again at `until`.
    case postponed(until: Date)
    case finished(ExitReason)

    /// When the caller must call `advance` next; `nil` when ready (now) or finished.
    public var dueAt: Date? {
        switch self {
        case .waiting(let until), .postponed(let until): until
        case .waitingForEvent(let timeout): timeout
        case .ready, .finished: nil
        }
    }

    public var isFinished: Bool {
        if case .finished = self { return true }
        return false
    }
}
