import Foundation

/// `scripts/http-sink` as a child process for one test: it stores every POST as a JSON file
/// (`{path, headers, body}`) in a folder and answers 200, or the code a `/status/<code>/…` path asks for.
/// Stopped by closing its stdin.
final class HTTPSink: @unchecked Sendable {
    private let process: Process
    private let stdin: Pipe
    let port: Int
    let folder: URL

    struct Request: Decodable {
        var path: String
        var headers: [String: String]
        var body: String
    }

    /// Whether the sink can run here (python3 on the path).
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    private init(process: Process, stdin: Pipe, port: Int, folder: URL) {
        self.process = process
        self.stdin = stdin
        self.port = port
        self.folder = folder
    }

    /// Starts the sink and reads its first line (`{"port": …}`), on a thread of its own.
    static func start() async throws -> HTTPSink {
        let script = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/http-sink")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flow-webhooks-\(UUID().uuidString)")
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let process = Process()
                process.executableURL = script
                process.arguments = ["--dir", folder.path]
                let stdin = Pipe(), stdout = Pipe()
                process.standardInput = stdin
                process.standardOutput = stdout
                do { try process.run() } catch {
                    continuation.resume(throwing: error)
                    return
                }
                var line = Data()
                while !line.contains(UInt8(ascii: "\n")) {
                    let chunk = stdout.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    line.append(chunk)
                }
                let end = line.firstIndex(of: UInt8(ascii: "\n")) ?? line.endIndex
                guard let info = try? JSONSerialization.jsonObject(with: line[..<end]) as? [String: Any],
                    let port = info["port"] as? Int
                else {
                    process.terminate()
                    continuation.resume(throwing: CocoaError(.fileReadCorruptFile))
                    return
                }
                continuation.resume(returning: HTTPSink(process: process, stdin: stdin, port: port, folder: folder))
            }
        }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The requests received so far, in order.
    func requests() throws -> [Request] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map {
            try JSONDecoder().decode(Request.self, from: Data(contentsOf: folder.appendingPathComponent($0)))
        }
    }

    /// Stops the sink (stdin closed; terminated after 5 s) and removes its folder.
    func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                try? self.stdin.fileHandleForWriting.close()
                let deadline = Date().addingTimeInterval(5)
                while self.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
                if self.process.isRunning { self.process.terminate() }
                self.process.waitUntilExit()
                try? FileManager.default.removeItem(at: self.folder)
                continuation.resume()
            }
        }
    }
}
