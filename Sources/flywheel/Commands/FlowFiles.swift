import Foundation

/// The flow files named on a command line: files as given, folders as their `*.json` files in name order.
enum FlowFiles {
    static func expand(_ arguments: [String]) throws -> [String] {
        var paths: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw CommandFailure("\(argument): no such file or folder")
            }
            guard isFolder.boolValue else {
                paths.append(argument)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
            let flows = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
            guard !flows.isEmpty else { throw CommandFailure("\(argument): no *.json flow files in this folder") }
            paths += flows.map { URL(fileURLWithPath: argument).appendingPathComponent($0).relativePath }
        }
        return paths
    }
}
