import FlywheelCore
import FlywheelLoyalty
import FlywheelServer
import FlywheelStore
import Foundation
import HTTPTypes
import Testing

/// The loyalty API: catalogue, account, redemptions (409 with the shortfall, concurrency), manual
/// adjustments (admin scope), referral, page links, and 404 without a programme.
@Suite("Loyalty API")
struct LoyaltyRoutesTests {
    @Test("without a programme every loyalty route answers 404 naming the missing programme")
    func noProgramme() async throws {
        let server = try LoyaltyTestServer()
        try await server.test(withProgramme: false) { client async throws in
            for path in ["/api/v1/loyalty/rewards", "/api/v1/loyalty/customers/c1", "/c/loyalty?t=x"] {
                let answer = try await client.send(.get, path, key: TestServer.readOnly)
                #expect(answer.status == .notFound)
            }
            let problem = try await client.send(.get, "/api/v1/loyalty/rewards", key: TestServer.readOnly)
            #expect((problem.object["detail"] as? String)?.contains("No loyalty programme is configured") == true)
        }
    }

    @Test("the catalogue lists the programme's rewards")
    func catalogue() async throws {
        let server = try LoyaltyTestServer()
        try await server.test { client async throws in
            let answer = try await client.send(.get, "/api/v1/loyalty/rewards", key: TestServer.readOnly)
            #expect(answer.status == .ok)
            let rewards = answer.object["rewards"] as? [[String: Any]] ?? []
            #expect(rewards.map { $0["id"] as? String } == ["ten-euro-off"])
            #expect(rewards.first?["cost_points"] as? Int == 100)
            #expect(rewards.first?["kind"] as? String == "amount_off")
        }
    }

    @Test("a redemption without enough points is 409 naming the shortfall; unknown rewards 422, unknown customers 404")
    func redemptionRefusals() async throws {
        let server = try LoyaltyTestServer()
        try await server.test { client async throws in
            _ = try await client.send(.post, "/api/v1/customers", json: #"{"id":"c2"}"#)
            let poor = try await client.send(.post, "/api/v1/loyalty/customers/c2/redemptions", json: #"{"reward_id":"ten-euro-off"}"#)
            #expect(poor.status == .conflict)
            #expect(poor.object["type"] as? String == "/problems/insufficient-points")
            #expect((poor.object["detail"] as? String)?.contains("100 short") == true)
            let unknown = try await client.send(.post, "/api/v1/loyalty/customers/c2/redemptions", json: #"{"reward_id":"gold-bar"}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.pointers == ["/reward_id"])
            let nobody = try await client.send(.get, "/api/v1/loyalty/customers/nobody", key: TestServer.readOnly)
            #expect(nobody.status == .notFound)
        }
    }

    @Test("adjustments need the admin scope, record the key's name as admin and apply once per key")
    func adjustments() async throws {
        let server = try LoyaltyTestServer()
        try await server.test { client async throws in
            _ = try await client.send(.post, "/api/v1/customers", json: #"{"id":"c3"}"#)
            let body = #"{"points":250,"reason":"goodwill","key":"ticket-17"}"#
            let refused = try await client.send(.post, "/api/v1/loyalty/customers/c3/adjustments", json: body)
            #expect(refused.status == .forbidden)
            let first = try await client.send(.post, "/api/v1/loyalty/customers/c3/adjustments", key: LoyaltyTestServer.admin, json: body)
            #expect(first.status == .created)
            #expect(first.object["admin"] as? String == "ops-anna")
            #expect(first.object["applied"] as? Bool == true)
            let again = try await client.send(.post, "/api/v1/loyalty/customers/c3/adjustments", key: LoyaltyTestServer.admin, json: body)
            #expect(again.object["applied"] as? Bool == false)
            #expect(again.object["available"] as? Int == 250)
            let tooMuch = try await client.send(
                .post, "/api/v1/loyalty/customers/c3/adjustments", key: LoyaltyTestServer.admin,
                json: #"{"points":-300,"reason":"correction"}"#)
            #expect(tooMuch.status == .conflict)
            let history = try await client.send(.get, "/api/v1/loyalty/customers/c3/history", key: TestServer.readOnly)
            let entry = (history.object["items"] as? [[String: Any]])?.first
            #expect(entry?["admin"] as? String == "ops-anna")
            #expect(entry?["reason"] as? String == "goodwill")
        }
    }

    @Test("history is paged newest first by cursor")
    func historyPages() async throws {
        let server = try LoyaltyTestServer()
        try await server.test { client async throws in
            for index in 1...5 {
                _ = try await client.send(
                    .post, "/api/v1/loyalty/customers/c4/adjustments", key: LoyaltyTestServer.admin,
                    json: #"{"points":\#(index),"reason":"r\#(index)","key":"k\#(index)"}"#)
            }
            let first = try await client.send(.get, "/api/v1/loyalty/customers/c4/history?limit=2", key: TestServer.readOnly)
            #expect((first.object["items"] as? [[String: Any]])?.map { $0["points"] as? Int } == [5, 4])
            let cursor = try #require(first.object["next_cursor"] as? String)
            let second = try await client.send(.get, "/api/v1/loyalty/customers/c4/history?limit=2&cursor=\(cursor)", key: TestServer.readOnly)
            #expect((second.object["items"] as? [[String: Any]])?.map { $0["points"] as? Int } == [3, 2])
        }
    }

    @Test("referral code and link; a signed page link (read scope) that opens the page")
    func referralAndLink() async throws {
        let server = try LoyaltyTestServer()
        try await server.test { client async throws in
            _ = try await client.send(.post, "/api/v1/customers", json: #"{"id":"c5"}"#)
            let referral = try await client.send(.get, "/api/v1/loyalty/customers/c5/referral", key: TestServer.readOnly)
            let code = try #require(referral.object["code"] as? String)
            #expect(code.hasPrefix("FRIEND-"))
            #expect(referral.object["url"] as? String == "https://shop.example/?ref=\(code)")
            let link = try await client.send(.post, "/api/v1/loyalty/customers/c5/link", key: TestServer.readOnly, json: #"{"days":7}"#)
            #expect(link.status == .created)
            let url = try #require((link.object["url"] as? String).flatMap(URLComponents.init(string:)))
            #expect(url.host == "loyalty.shop.example")
            #expect(url.path == "/c/loyalty")
            let page = try await client.send(.get, "/c/loyalty?\(url.percentEncodedQuery ?? "")&lang=en", key: nil)
            #expect(page.status == .ok)
            #expect(page.text.contains(code))
        }
    }

    @Test("50 concurrent redemptions from one balance: exactly the affordable number succeed", arguments: ["memory", "sqlite"])
    func concurrentRedemptions(engine: String) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loyalty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store: any FlywheelStore
        if engine == "sqlite" {
            store = try SQLiteStore(path: directory.appendingPathComponent("shop.sqlite").path)
            try await store.migrate()
        } else {
            store = InMemoryStore()
        }
        let server = try LoyaltyTestServer(store: store)
        try await server.test { client async throws in
            _ = try await client.send(.post, "/api/v1/customers", json: #"{"id":"c6"}"#)
            _ = try await client.send(
                .post, "/api/v1/loyalty/customers/c6/adjustments", key: LoyaltyTestServer.admin,
                json: #"{"points":1050,"reason":"test balance","key":"seed"}"#)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        try await client.send(
                            .post, "/api/v1/loyalty/customers/c6/redemptions", json: #"{"reward_id":"ten-euro-off"}"#
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.count { $0 == .created } == 10)
            #expect(statuses.count { $0 == .conflict } == 40)
        }
        #expect(try await store.ledgerBalance(customer: "c6").available == 50)
        let account = try await server.loyalty.account(of: "c6", now: server.now)
        #expect(Set(account.codes.map(\.code)).count == 10)
    }
}
