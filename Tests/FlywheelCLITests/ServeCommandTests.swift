import Crypto
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real binary as a new user runs it from the README: make a key, start `flywheel serve`, post an order
/// and a signed Shopify webhook, read them back, stop it with SIGTERM.
@Suite("flywheel serve (end to end)")
struct ServeCommandTests {
    /// A running `flywheel serve` on a free port.
    final class Server {
        let process: Process
        let port: Int
        let output: Pipe

        init(directory: URL, secret: String) throws {
            let (process, out, _) = FlywheelBinary.process(
                ["serve", "--port", "0", "--log-level", "warning"], in: directory,
                environment: ["FLYWHEEL_SHOPIFY_WEBHOOK_SECRET": secret])
            try process.run()
            var text = ""
            let deadline = Date().addingTimeInterval(30)
            while !text.contains("\n"), Date() < deadline {
                let data = out.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            guard let range = text.range(of: #"http://127\.0\.0\.1:(\d+)"#, options: .regularExpression),
                let port = Int(text[range].split(separator: ":").last ?? "")
            else {
                process.terminate()
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no port in: \(text)"])
            }
            self.process = process
            self.port = port
            self.output = out
        }

        func request(
            _ method: String, _ path: String, key: String? = nil, body: String? = nil, headers: [String: String] = [:]
        ) async throws -> (status: Int, body: [String: Any]) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
            if let body {
                request.httpBody = Data(body.utf8)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            let (data, response) = try await URLSession.shared.data(for: request)
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
        }

        /// Sends SIGTERM and waits for the exit status.
        func stop() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test("key, order, signed webhook, replay, revoke, graceful stop")
    func endToEnd() async throws {
        let directory = FlywheelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let created = try await FlywheelBinary.run(["keys", "create", "--name", "e2e", "--scopes", "ingest,read", "--json"], in: directory)
        #expect(created.status == 0)
        let key = try #require(try created.json()["secret"] as? String)
        let keyID = try #require(try created.json()["id"] as? String)
        // Only the secret's hash is stored: the secret is in neither the database nor its journal.
        for file in ["flywheel.sqlite", "flywheel.sqlite-wal"] {
            let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path) ?? Data()
            #expect(bytes.range(of: Data(key.utf8)) == nil)
        }

        let secret = "shpss_e2e"
        let server = try Server(directory: directory, secret: secret)
        let order = """
            {"id":"1001","customer_id":"c1","placed_at":"2026-11-01T10:00:00Z","currency":"EUR",\
            "line_items":[{"sku":"TEA","quantity":2,"total_minor":1998}],"subtotal_minor":1998,"total_minor":1998}
            """
        #expect(try await server.request("GET", "/health").status == 200)
        #expect(try await server.request("POST", "/api/v1/orders", body: order).status == 401)
        #expect(try await server.request("POST", "/api/v1/orders", key: key, body: order).status == 201)
        let replay = try await server.request("POST", "/api/v1/orders", key: key, body: order)
        #expect(replay.status == 200)
        #expect(replay.body["result"] as? String == "unchanged")

        let webhook = try String(contentsOfFile: FlywheelBinary.fixture("shopify/webhooks/orders_create.json"), encoding: .utf8)
        let signature = Data(
            HMAC<SHA256>.authenticationCode(for: Data(webhook.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        ).base64EncodedString()
        let headers = [
            "X-Shopify-Topic": "orders/create", "X-Shopify-Webhook-Id": "e2e-1", "X-Shopify-Hmac-Sha256": signature,
        ]
        #expect(try await server.request("POST", "/webhooks/shopify", body: webhook, headers: headers).status == 200)
        let again = try await server.request("POST", "/webhooks/shopify", body: webhook, headers: headers)
        #expect(again.body["status"] as? String == "duplicate")
        var forged = headers
        forged["X-Shopify-Hmac-Sha256"] = Data(repeating: 1, count: 32).base64EncodedString()
        #expect(try await server.request("POST", "/webhooks/shopify", body: webhook, headers: forged).status == 401)

        let read = try await server.request("GET", "/api/v1/orders/820982911946154508", key: key)
        #expect(read.status == 200)
        #expect((read.body["order"] as? [String: Any])?["id"] as? String == "820982911946154508")

        #expect(try await FlywheelBinary.run(["keys", "revoke", keyID], in: directory).status == 0)
        try await Task.sleep(for: .milliseconds(1_100))  // the server remembers active keys for a second
        #expect(try await server.request("GET", "/api/v1/orders", key: key).status == 401)

        #expect(server.stop() == 0)
        let status = try await FlywheelBinary.run(["status", "--json"], in: directory).json()
        #expect(status["orders"] as? Int == 2)
    }
}
