/// Collects validation problems under a key path while checks walk a programme.
struct ProblemList {
    private(set) var problems: [ProgrammeProblem] = []

    /// Records `message` at `path` unless `condition` holds.
    mutating func check(_ condition: Bool, _ path: String, _ message: @autoclosure () -> String) {
        if !condition { problems.append(ProgrammeProblem(path: path, message: message())) }
    }

    /// Records a problem at `path`.
    mutating func add(_ path: String, _ message: String) {
        problems.append(ProgrammeProblem(path: path, message: message))
    }

    /// Records a problem for every value that occurs more than once, at the later occurrences.
    mutating func checkUnique(_ values: [String], path: (Int) -> String, what: String) {
        var seen: [String: Int] = [:]
        for (index, value) in values.enumerated() {
            if let first = seen[value] {
                add(path(index), "\(what) '\(value)' is used twice (first at index \(first)); make it unique")
            } else {
                seen[value] = index
            }
        }
    }

    /// `path.key`, or `key` at the root.
    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
