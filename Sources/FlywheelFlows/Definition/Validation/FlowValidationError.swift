/// A flow file with one or more problems; the description lists every one, one per line.
public struct FlowValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The flow's id and version when they could be read, else the file name the caller gave.
    public var flow: String
    public var problems: [FlowProblem]

    public init(flow: String, problems: [FlowProblem]) {
        self.flow = flow
        self.problems = problems
    }

    public var description: String {
        "flow \(flow) has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}
