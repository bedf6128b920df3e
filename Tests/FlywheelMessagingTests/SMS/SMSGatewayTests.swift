import FlywheelMessaging
import FlywheelTesting
import Foundation
import Testing

/// SMS through an HTTP gateway: scripts/http-sink stands in for the gateway and stores every request.
@Suite("SMS gateway over HTTP", .enabled(if: LocalServers.runPythonTests, LocalServers.pythonSkipReason))
struct SMSGatewayTests {
    struct Recorded: Decodable { var path: String; var headers: [String: String]; var body: String }

    /// Runs the body beside a started http-sink, stopped afterwards.
    static func withSink(_ body: (_ baseURL: String, _ requests: () throws -> [Recorded]) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("http-sink-\(UUID().uuidString)")
        let server = try await BackgroundServer.start(script: "http-sink", arguments: ["--dir", folder.path])
        let requests = {
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted().map {
                try JSONDecoder().decode(Recorded.self, from: Data(contentsOf: folder.appendingPathComponent($0)))
            }
        }
        do {
            try await body("http://127.0.0.1:\(server.int("port"))", requests)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    static let message = SMSMessage(to: "+4915112345678", text: "Hallo Jürgen, dein \"Paket\" kommt\nmorgen – 8–12 Uhr & pünktlich", messageKey: "flow-3/step-1/c-42")

    @Test("JSON body: values escaped, auth header and idempotency key sent, receipt returned")
    func jsonBody() async throws {
        try await Self.withSink { baseURL, requests in
            let gateway = try SMSGateway(configuration: SMSGatewayConfiguration(
                url: baseURL + "/v1/sms", headers: ["Authorization": "Bearer t0ps3cret"], sender: "Berg"))
            let receipt = try await gateway.send(Self.message)
            #expect(receipt.statusCode == 200)
            #expect(receipt.body.contains("\"id\""))
            let recorded = try requests()
            try #require(recorded.count == 1)
            #expect(recorded[0].path == "/v1/sms")
            #expect(recorded[0].headers["authorization"] == "Bearer t0ps3cret")
            #expect(recorded[0].headers["content-type"] == "application/json")
            #expect(recorded[0].headers["idempotency-key"] == "flow-3/step-1/c-42")
            let json = try JSONSerialization.jsonObject(with: Data(recorded[0].body.utf8)) as? [String: String]
            #expect(json == ["to": "+4915112345678", "from": "Berg", "text": Self.message.text, "reference": "flow-3/step-1/c-42"])
            #expect(!"\(gateway)".contains("t0ps3cret"))
        }
    }

    @Test("form body: values percent-encoded")
    func formBody() async throws {
        try await Self.withSink { baseURL, requests in
            let gateway = try SMSGateway(configuration: SMSGatewayConfiguration(
                url: baseURL + "/send", headers: ["X-Api-Key": "k"], bodyFormat: .form,
                bodyTemplate: "To={{to}}&From={{from}}&Body={{text}}", sender: "Berg Shop", idempotencyHeader: nil))
            _ = try await gateway.send(Self.message)
            let recorded = try requests()
            try #require(recorded.count == 1)
            #expect(recorded[0].headers["content-type"] == "application/x-www-form-urlencoded")
            #expect(recorded[0].headers["idempotency-key"] == nil)
            var components = URLComponents()
            components.percentEncodedQuery = recorded[0].body.replacingOccurrences(of: "+", with: "%20")
            let fields = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            #expect(fields == ["To": "+4915112345678", "From": "Berg Shop", "Body": Self.message.text])
        }
    }

    @Test("5xx and 429 are temporary, other 4xx permanent, no listener is a temporary transport failure")
    func classification() async throws {
        try await Self.withSink { baseURL, _ in
            for (status, retryable) in [(503, true), (429, true), (400, false), (401, false), (422, false)] {
                let gateway = try SMSGateway(configuration: SMSGatewayConfiguration(url: baseURL + "/status/\(status)/sms"))
                let error = await #expect(throws: SMSError.self) { try await gateway.send(Self.message) }
                #expect(error?.code == .rejected)
                #expect(error?.statusCode == status)
                #expect(error?.isRetryable == retryable, "HTTP \(status)")
            }
        }
        let unreachable = try SMSGateway(configuration: SMSGatewayConfiguration(url: "http://127.0.0.1:1/sms", timeout: .seconds(3)))
        let error = await #expect(throws: SMSError.self) { try await unreachable.send(Self.message) }
        #expect(error?.isRetryable == true)
    }

    @Test("a bad URL or template is a configuration error")
    func configuration() {
        #expect(throws: SMSError.self) { try SMSGateway(configuration: SMSGatewayConfiguration(url: "ftp://x/sms")) }
        #expect(throws: SMSError.self) {
            try SMSGateway(configuration: SMSGatewayConfiguration(url: "https://x/sms", bodyTemplate: "{{#open}}"))
        }
    }
}
