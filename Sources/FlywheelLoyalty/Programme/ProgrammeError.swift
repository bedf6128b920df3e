/// A programme file that cannot be used, with every problem found (not only the first).
public struct ProgrammeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, in file order as far as the checks know it.
    public var problems: [ProgrammeProblem]

    /// An error listing `problems`.
    public init(problems: [ProgrammeProblem]) { self.problems = problems }

    /// One problem per line.
    public var description: String {
        "the programme has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
