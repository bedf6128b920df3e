public import Foundation

/// A server script (scripts/smtp-sink, scripts/http-sink) running as a child process for one test: started,
/// its first stdout line (JSON: ports, folders) read, and stopped by closing its stdin. The waits run on
/// dedicated threads.
public final class BackgroundServer: @unchecked Sendable {
    private let process: Process
    private let stdin: Pipe
    /// The first line the server printed, decoded.
    public let info: [String: any Sendable]

    private init(process: Process, stdin: Pipe, info: [String: any Sendable]) {
        self.process = process
        self.stdin = stdin
        self.info = info
    }

    /// The repository's scripts folder (found from this file's path).
    public static let scriptsFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts")

    /// Starts a script from the scripts folder and waits (at most 30 s) for its first line.
    public static func start(script: String, arguments: [String] = []) async throws -> BackgroundServer {
        let path = scriptsFolder.appendingPathComponent(script).path
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: path)
                process.arguments = arguments
                let stdin = Pipe(), stdout = Pipe()
                process.standardInput = stdin
                process.standardOutput = stdout
                process.standardError = FileHandle.standardError
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: SinkError("cannot start \(path): \(error)"))
                    return
                }
                var line = Data()
                let reader = stdout.fileHandleForReading
                while !line.contains(UInt8(ascii: "\n")) {
                    let chunk = reader.availableData
                    if chunk.isEmpty { break }
                    line.append(chunk)
                }
                guard let end = line.firstIndex(of: UInt8(ascii: "\n")),
                    let object = try? JSONSerialization.jsonObject(with: line[..<end]) as? [String: Any]
                else {
                    process.terminate()
                    process.waitUntilExit()
                    continuation.resume(throwing: SinkError(
                        "\(script) did not start (exit \(process.terminationStatus)); output: \(String(decoding: line, as: UTF8.self))"))
                    return
                }
                var info: [String: any Sendable] = [:]
                for (key, value) in object {
                    if let number = value as? Int { info[key] = number } else if let text = value as? String { info[key] = text }
                }
                continuation.resume(returning: BackgroundServer(process: process, stdin: stdin, info: info))
            }
        }
    }

    public func int(_ key: String) -> Int { info[key] as? Int ?? 0 }
    public func string(_ key: String) -> String { info[key] as? String ?? "" }

    /// Stops the server (stdin closed; SIGTERM after 5 s) and waits for it on a thread.
    public func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                try? self.stdin.fileHandleForWriting.close()
                let deadline = Date().addingTimeInterval(5)
                while self.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
                if self.process.isRunning { self.process.terminate() }
                self.process.waitUntilExit()
                continuation.resume()
            }
        }
    }
}
