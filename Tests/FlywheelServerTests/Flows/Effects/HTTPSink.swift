import FlywheelTesting
import Foundation

/// `scripts/http-sink` for one test (a `BackgroundServer`): it stores every POST as a JSON file
/// (`{path, headers, body}`) in a folder and answers 200, or the code a `/status/<code>/…` path asks for.
final class HTTPSink: Sendable {
    private let server: BackgroundServer
    let port: Int
    let folder: URL

    struct Request: Decodable {
        var path: String
        var headers: [String: String]
        var body: String
    }

    /// Whether the sink can run here (python3 on the path).
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    private init(server: BackgroundServer, folder: URL) {
        self.server = server
        self.port = server.int("port")
        self.folder = folder
    }

    /// Starts the sink and waits for its first line (`{"port": …}`).
    static func start() async throws -> HTTPSink {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flow-webhooks-\(UUID().uuidString)")
        let server = try await BackgroundServer.start(script: "http-sink", arguments: ["--dir", folder.path])
        return HTTPSink(server: server, folder: folder)
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The requests received so far, in order.
    func requests() throws -> [Request] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map {
            try JSONDecoder().decode(Request.self, from: Data(contentsOf: folder.appendingPathComponent($0)))
        }
    }

    /// Stops the sink and removes its folder.
    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}
