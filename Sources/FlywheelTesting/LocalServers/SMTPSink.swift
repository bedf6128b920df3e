public import Foundation

/// scripts/smtp-sink running for one test: its ports, its certificate, and the messages it stored.
public struct SMTPSink: Sendable {
    public let server: BackgroundServer
    public var port: Int { server.int("port") }
    public var tlsPort: Int { server.int("tls_port") }
    public var folder: URL { URL(fileURLWithPath: server.string("dir")) }
    public var certificate: String { server.string("cert") }

    public static let user = "flywheel"
    public static let password = "s3cret-Pässword"

    /// Starts a sink in a new temporary folder.
    public static func start(extraArguments: [String] = []) async throws -> SMTPSink {
        guard LocalServers.smtpSinkAvailable else {
            throw SinkError("FLYWHEEL_REQUIRE_SMTP=1 but /usr/bin/python3 with aiosmtpd or openssl is missing (scripts/install-deps installs python3-aiosmtpd)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        let server = try await BackgroundServer.start(script: "smtp-sink",
            arguments: ["--dir", folder.path, "--user", user, "--password", password] + extraArguments)
        return SMTPSink(server: server)
    }

    /// Runs the body with a started sink and stops it afterwards, also when the body throws.
    public static func with(extraArguments: [String] = [], _ body: (SMTPSink) async throws -> Void) async throws {
        let sink = try await start(extraArguments: extraArguments)
        do {
            try await body(sink)
            await sink.server.stop()
            try? FileManager.default.removeItem(at: sink.folder)
        } catch {
            await sink.server.stop()
            try? FileManager.default.removeItem(at: sink.folder)
            throw error
        }
    }

    /// One stored message: the envelope the sink saw and the bytes it received.
    public struct Stored: Sendable {
        public struct Envelope: Decodable, Sendable {
            public var from: String
            public var to: [String]
            public var login: String?
            public var tls: Bool
            public var peer: Int?
        }
        public var envelope: Envelope
        public var bytes: [UInt8]
    }

    /// The messages stored so far, in order of arrival.
    public func messages() throws -> [Stored] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let base = folder.appendingPathComponent(String(name.dropLast(5)))
            let envelope = try JSONDecoder().decode(Stored.Envelope.self, from: Data(contentsOf: base.appendingPathExtension("json")))
            return Stored(envelope: envelope, bytes: Array(try Data(contentsOf: base.appendingPathExtension("eml"))))
        }
    }
}
