import FlywheelCore
import FlywheelServer
import HTTPTypes
import Testing

@Suite("Authentication and scopes")
struct AuthenticationTests {
    @Test("health and the OpenAPI document are open; nothing else is")
    func openRoutes() async throws {
        try await TestServer().test { client async throws in
            let health = try await client.send(.get, "/health", key: nil)
            #expect(health.status == .ok)
            #expect(health.object["database"] as? String == "ok")
            let document = try await client.send(.get, "/openapi.yaml", key: nil)
            #expect(document.status == .ok)
            #expect(document.text.hasPrefix("openapi: 3.1"))
            for path in ["/api/v1/orders", "/api/v1/customers", "/api/v1/customers/c1", "/metrics", "/api/v1/nothing"] {
                let response = try await client.send(.get, path, key: nil)
                #expect(response.status == .unauthorized, "\(path)")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
        }
    }

    @Test("a wrong, malformed or revoked key gets 401")
    func badKeys() async throws {
        try await TestServer().test { client async throws in
            #expect(try await client.send(.get, "/api/v1/orders", key: "fw_wrong").status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/orders", key: TestServer.revoked).status == .unauthorized)
            let basic = try await client.send(.get, "/api/v1/orders", key: nil, headers: ["Authorization": "Basic abc"])
            #expect(basic.status == .unauthorized)
        }
    }

    @Test("a key without the route's scope gets 403")
    func scopes() async throws {
        try await TestServer().test { client async throws in
            let post = try await client.send(.post, "/api/v1/orders", key: TestServer.readOnly, json: Bodies.order("1"))
            #expect(post.status == .forbidden)
            #expect(post.object["type"] as? String == "/problems/forbidden")
            #expect(try await client.send(.get, "/api/v1/orders", key: TestServer.ingestOnly).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/orders", key: TestServer.readOnly).status == .ok)
            let ingest = try await client.send(.post, "/api/v1/orders", key: TestServer.ingestOnly, json: Bodies.order("1"))
            #expect(ingest.status == .created)
        }
    }

    @Test("issued keys: the secret is shown once and only its hash is kept")
    func issuing() {
        let (key, secret) = APIKeyIssuer.issue(name: "sync", scopes: [.ingest], now: .init(timeIntervalSince1970: 0))
        #expect(secret.hasPrefix("fw_") && secret.count == 46)
        #expect(key.secretHash == APIKeyIssuer.hash(secret: secret))
        #expect(!key.secretHash.contains(secret))
        #expect(key.id.hasPrefix("key_"))
        let other = APIKeyIssuer.issue(name: "sync", scopes: [.ingest], now: .init(timeIntervalSince1970: 0))
        #expect(other.secret != secret && other.key.id != key.id)
    }
}
