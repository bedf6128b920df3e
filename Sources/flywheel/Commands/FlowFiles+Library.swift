import FlywheelFlows
import Foundation

extension FlowFiles {
    /// The flow files named by `arguments` (files, or folders of `*.json`) checked against `catalogue` and
    /// published in a library, each flow's versions oldest first (so a folder keeping an old version beside
    /// the new one keeps enrolments on the old version running). Any problem stops: every problem of every
    /// file is named as `FILE: <problem>`, as `flywheel flows validate` prints it.
    static func library(_ arguments: [String], catalogue: TemplateCatalogue) throws -> (
        library: FlowLibrary, flows: [FlowDefinition]
    ) {
        var problems: [String] = []
        var loaded: [(path: String, definition: FlowDefinition)] = []
        for path in try expand(arguments) {
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append("\(path): cannot be read")
                continue
            }
            switch FlowDocument.parse(data, name: URL(fileURLWithPath: path).lastPathComponent, catalogue: catalogue) {
            case .success(let definition): loaded.append((path, definition))
            case .failure(let error): problems += error.problems.map { "\(path): \($0.description)" }
            }
        }
        guard problems.isEmpty else {
            throw CommandFailure("the flows cannot be switched on:\n" + problems.joined(separator: "\n"))
        }
        loaded.sort { ($0.definition.id, $0.definition.version) < ($1.definition.id, $1.definition.version) }
        var library = FlowLibrary()
        for (path, definition) in loaded {
            do {
                try library.publish(try FlowProgram(definition, catalogue: catalogue))
            } catch let error as FlowLibraryError {
                throw CommandFailure("\(path): \(error.description)")
            } catch {
                throw CommandFailure("\(path): \(error)")
            }
        }
        return (library, loaded.map(\.definition))
    }
}
