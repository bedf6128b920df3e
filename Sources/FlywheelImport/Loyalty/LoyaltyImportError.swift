/// Why a loyalty import stored nothing: a whole-file problem, or every bad row found (all rows are checked
/// before anything is stored).
public struct LoyaltyImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A problem with a whole file (missing, empty, unknown header …), if that is what stopped the import.
    public var fileProblem: String?
    /// The bad rows, in file order.
    public var problems: [LoyaltyImportProblem]

    /// A whole-file problem.
    public static func file(_ path: String, _ reason: String) -> LoyaltyImportError {
        LoyaltyImportError(fileProblem: "\(path): \(reason)", problems: [])
    }

    /// Bad rows.
    public static func rows(_ problems: [LoyaltyImportProblem]) -> LoyaltyImportError {
        LoyaltyImportError(fileProblem: nil, problems: problems)
    }

    /// The file problem, or the count of bad rows and the first twenty; nothing was imported.
    public var description: String {
        if let fileProblem { return fileProblem + "; nothing was imported" }
        let shown = problems.prefix(20).map(\.description).joined(separator: "\n")
        let more = problems.count > 20 ? "\n… and \(problems.count - 20) more" : ""
        return "\(problems.count) bad row\(problems.count == 1 ? "" : "s"); nothing was imported:\n\(shown)\(more)"
    }
}
