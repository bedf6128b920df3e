import Foundation

/// Runs the real `flywheel` executable built next to the test bundle, as a user would.
struct FlywheelBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// stdout parsed as a JSON object.
        func json() throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// `$FLYWHEEL_BINARY`, else `flywheel` beside the test bundle, else `.build/debug/flywheel`.
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["FLYWHEEL_BINARY"] { return path }
        let besideBundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("flywheel").path
        if FileManager.default.isExecutableFile(atPath: besideBundle) { return besideBundle }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/flywheel").path
    }()

    /// A process set up to run `flywheel arguments…` in `directory` (not started).
    static func process(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["FLYWHEEL_DATABASE"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        return (process, out, err)
    }

    /// Runs `flywheel arguments…` to the end. The blocking reads and the wait happen on a thread of their own,
    /// not on one of Swift's cooperative threads (two on a two-core machine): tests waiting for a process held
    /// those threads and starved every other suite's asynchronous work for tens of seconds.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws -> Result {
        let (process, out, err) = process(arguments, in: directory, environment: environment)
        try process.run()
        return await withCheckedContinuation { continuation in
            Thread {
                // Read both pipes fully before waiting, so a chatty process never blocks on a full pipe.
                let outData = out.fileHandleForReading.readDataToEndOfFile()
                let errData = err.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(
                    returning: Result(
                        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                        stderr: String(decoding: errData, as: UTF8.self)))
            }.start()
        }
    }

    /// `Tests/Fixtures/<relative>`.
    static func fixture(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("flywheel-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
