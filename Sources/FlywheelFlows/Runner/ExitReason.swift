/// Why an enrolment ended.
public enum ExitReason: Hashable, Sendable, CustomStringConvertible {
    /// It ran off the end of its steps.
    case completed
    /// A goal event arrived (index into the flow's `goals`).
    case goalReached(goal: Int, event: TriggerKind)
    /// An `until_event` wait timed out without an `on_timeout` step.
    case eventTimeout(stepID: String)
    /// An `until_date` wait needs a date the customer's facts lack.
    case missingDate(stepID: String, DateField)
    /// More than `FlowRunnerLimits.stepsPerAdvance` steps ran without a wait (a guard; validation forbids
    /// loops without a wait).
    case stepLimit
    /// Ended from outside (flow switched off, customer erased).
    case cancelled(String)

    public var description: String {
        switch self {
        case .completed: "completed"
        case .goalReached(_, let event): "goal reached (\(event.rawValue))"
        case .eventTimeout(let step): "no event before the timeout of step \(step)"
        case .missingDate(let step, let field): "step \(step) needs \(field.rawValue), which is unknown"
        case .stepLimit: "too many steps without a wait"
        case .cancelled(let why): "cancelled: \(why)"
        }
    }
}
