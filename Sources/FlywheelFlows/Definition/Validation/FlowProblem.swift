/// One thing wrong with a flow file: where (the step, by index and id), which key, and why.
///
/// Printed as `steps[3] "wait_review": wait.until_event.timeout: must be positive`, or without the step part
/// for flow-level keys (`holdout_percent: must be at least 0 and below 100`).
public struct FlowProblem: Hashable, Sendable, CustomStringConvertible {
    /// `steps[3] "wait_review"`, or `nil` for a flow-level key.
    public var step: String?
    /// The JSON key path inside the step or flow, e.g. `wait.until_event.timeout`.
    public var key: String
    public var reason: String

    public init(step: String?, key: String, reason: String) {
        self.step = step
        self.key = key
        self.reason = reason
    }

    /// The location text of step `index` with id `id`.
    static func stepLabel(_ index: Int, _ id: String?) -> String {
        "steps[\(index)]" + (id.map { " \"\($0)\"" } ?? "")
    }

    public var description: String {
        (step.map { $0 + ": " } ?? "") + (key.isEmpty ? "" : key + ": ") + reason
    }
}
