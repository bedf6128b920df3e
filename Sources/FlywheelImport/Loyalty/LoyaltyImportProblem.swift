/// A problem with one row of a loyalty export: the file, the line, the column (or JSON key) and the reason.
public struct LoyaltyImportProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: String
    public var reason: String

    /// Makes a problem.
    public init(file: String, line: Int, column: String, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `members.csv:7: column points_balance: is not a whole number`.
    public var description: String { "\(file):\(line): column \(column): \(reason)" }
}
