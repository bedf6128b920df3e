/// One step of a flow: an id other steps refer to, what it does, and where to go after (`nil` = the end).
public struct FlowStep: Hashable, Sendable {
    public var id: String
    public var kind: StepKind
    /// The following step for non-branching kinds (for `until_event` waits: on the event).
    public var next: String?

    public init(id: String, kind: StepKind, next: String? = nil) {
        self.id = id
        self.kind = kind
        self.next = next
    }

    /// Every step id this step can lead to.
    public var successors: [String] {
        switch kind {
        case .condition(_, let then, let otherwise): return [then, otherwise].compactMap { $0 }
        case .split(let variants): return variants.compactMap(\.next)
        case .wait(.untilEvent(let wait)): return [next, wait.onTimeout].compactMap { $0 }
        default: return next.map { [$0] } ?? []
        }
    }
}
