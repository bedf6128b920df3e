import FlywheelFlows

/// `flywheel flows validate --json`: every file with its problems.
struct FlowValidationReport: Encodable {
    var valid: Bool
    var files: [FlowFileResult]

    init(files: [FlowFileResult]) {
        self.files = files
        valid = files.allSatisfy(\.valid)
    }
}

/// One flow file's verdict.
struct FlowFileResult: Encodable {
    /// One problem: the step label, the key path, the reason, and the line as printed.
    struct Problem: Encodable {
        var step: String?
        var key: String
        var reason: String
        var message: String
    }

    var file: String
    /// `id vN` when it could be read.
    var flow: String?
    var steps: Int?
    var valid: Bool
    var problems: [Problem]

    init(file: String, flow: String?, steps: Int) {
        self.file = file
        self.flow = flow
        self.steps = steps
        valid = true
        problems = []
    }

    init(file: String, flow: String?, problems: [String]) {
        self.file = file
        self.flow = flow
        valid = false
        self.problems = problems.map { Problem(step: nil, key: "", reason: $0, message: $0) }
    }

    init(file: String, error: FlowValidationError) {
        self.file = file
        flow = error.flow
        valid = false
        problems = error.problems.map {
            Problem(step: $0.step, key: $0.key, reason: $0.reason, message: $0.description)
        }
    }
}
