/// One thing wrong with a programme file: where (a key path such as `tiers[2].entry_threshold`) and what.
public struct ProgrammeProblem: Hashable, Sendable, CustomStringConvertible {
    /// The key path in the file, e.g. `rewards[0].cost_points`; empty for the file as a whole.
    public var path: String
    /// What is wrong and, where it helps, what would be right.
    public var message: String

    /// A problem at `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
