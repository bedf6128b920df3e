import FlywheelMessaging
import Foundation

/// scripts/smtp-sink running for one test: its ports, its certificate, and the messages it stored.
struct SMTPSink {
    let server: BackgroundServer
    var port: Int { server.int("port") }
    var tlsPort: Int { server.int("tls_port") }
    var folder: URL { URL(fileURLWithPath: server.string("dir")) }
    var certificate: String { server.string("cert") }

    static let user = "flywheel"
    static let password = "s3cret-Pässword"

    /// Starts a sink in a new temporary folder.
    static func start(extraArguments: [String] = []) async throws -> SMTPSink {
        guard LocalServers.smtpSinkAvailable else {
            throw SinkError("FLYWHEEL_REQUIRE_SMTP=1 but /usr/bin/python3 with aiosmtpd or openssl is missing (scripts/install-deps installs python3-aiosmtpd)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        let server = try await BackgroundServer.start(script: "smtp-sink",
            arguments: ["--dir", folder.path, "--user", user, "--password", password] + extraArguments)
        return SMTPSink(server: server)
    }

    /// Runs the body with a started sink and stops it afterwards, also when the body throws.
    static func with(extraArguments: [String] = [], _ body: (SMTPSink) async throws -> Void) async throws {
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

    /// A configuration for this sink: STARTTLS on its plain port, its certificate trusted, our user.
    func configuration(security: SMTPSecurity = .startTLS, password: String = SMTPSink.password) -> SMTPConfiguration {
        SMTPConfiguration(
            host: "127.0.0.1",
            port: security == .implicitTLS ? tlsPort : port,
            security: security,
            tls: SMTPTLSOptions(trustRoots: .pemFile(certificate), serverName: "localhost"),
            credentials: SMTPCredentials(username: SMTPSink.user, password: password),
            clientName: "flywheel.test",
            replyTimeout: .seconds(20))
    }

    /// One stored message: the envelope the sink saw and the bytes it received.
    struct Stored {
        struct Envelope: Decodable { var from: String; var to: [String]; var login: String?; var tls: Bool; var peer: Int? }
        var envelope: Envelope
        var bytes: [UInt8]
    }

    /// The messages stored so far, in order of arrival.
    func messages() throws -> [Stored] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let base = folder.appendingPathComponent(String(name.dropLast(5)))
            let envelope = try JSONDecoder().decode(Stored.Envelope.self, from: Data(contentsOf: base.appendingPathExtension("json")))
            return Stored(envelope: envelope, bytes: Array(try Data(contentsOf: base.appendingPathExtension("eml"))))
        }
    }
}
