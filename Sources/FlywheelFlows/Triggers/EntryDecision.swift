public import Foundation

/// Whether a customer enters a flow on an event.
public enum EntryDecision: Sendable {
    /// Start an `Enrolment` on this program (the flow's current version).
    case enter(FlowProgram)
    case refused(flowID: String, EntryRefusal)

    public var flowID: String {
        switch self {
        case .enter(let program): program.id
        case .refused(let id, _): id
        }
    }
}

/// Why a customer did not enter a flow whose trigger matched the event kind.
public enum EntryRefusal: Hashable, Sendable, CustomStringConvertible {
    /// The entry filter at this index did not hold.
    case filter(Int)
    /// An enrolment in the flow is still running.
    case alreadyActive
    /// The flow is once-ever and the customer entered at this time.
    case enteredBefore(Date)
    /// Once per `days` days, and the last entry was at this time.
    case tooSoon(lastEntry: Date, days: Int)

    public var description: String {
        switch self {
        case .filter(let index): "entry filter \(index) not met"
        case .alreadyActive: "already in the flow"
        case .enteredBefore: "once ever, already entered"
        case .tooSoon(_, let days): "entered within the last \(days) days"
        }
    }
}
