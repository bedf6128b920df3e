import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("POST /api/v1/flows/{id}/sends: segment sends through the API")
struct FlowSendsRouteTests {
    typealias S = FlowTestSupport
    static let admin = "fw_test_flows_admin"
    let now = S.berlin(2026, 11, 18, 12)

    private func serve(
        _ store: any FlywheelStore, flows: FlowService?, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await S.makeKeys(store, now: now)
        try await store.createAPIKey(
            APIKey(id: "key_fa", name: "flows-admin", scopes: [.admin], secretHash: APIKeyIssuer.hash(secret: Self.admin), createdAt: now))
        let now = self.now
        let router = try FlywheelServer.buildRouter(
            store: store, configuration: ServerConfiguration(), settings: .defaults, flows: flows, now: { now })
        try await Application(router: router).test(.router, body)
    }

    @Test("an admin key sends to a segment once per campaign; other keys are refused; mistakes name the field")
    func route() async throws {
        let store = InMemoryStore()
        var batch = IngestBatch()
        for i in 0..<4 {
            batch.customers.append(TriggerShop.customer("r_\(i)"))
            batch.orders.append(TriggerShop.order("ro_\(i)", "r_\(i)", at: now.addingTimeInterval(-30 * 86_400)))
        }
        _ = try await store.ingest(batch)
        let flows = TriggerShop.service(
            try TriggerShop.library([try TriggerShop.program(FlowTierAndSegmentTests.newsletter)]), store: store)
        try await serve(store, flows: flows) { client in
            let body = #"{"campaign": "spring", "segment": "all"}"#
            #expect(try await client.send(.post, "/api/v1/flows/newsletter/sends", json: body).status == .forbidden)
            // Answered at once with the stored campaign; nobody entered yet (the send runs in the background).
            let sent = try await client.send(.post, "/api/v1/flows/newsletter/sends", key: Self.admin, json: body)
            #expect(sent.status == .accepted)
            let answer = sent.object
            #expect(answer["flow_id"] as? String == "newsletter" && answer["campaign"] as? String == "spring")
            #expect(answer["status"] as? String == "scheduled" && answer["state"] as? String == "scheduled")
            #expect(answer["members"] == nil && answer["send_at"] as? String == S.text(now))
            #expect(try await store.enrolments(customerID: "r_0").isEmpty)
            // The same campaign again is a conflict, not a second send.
            let again = try await client.send(.post, "/api/v1/flows/newsletter/sends", key: Self.admin, json: body)
            #expect(again.status == .conflict && again.pointers == ["/campaign"])

            // The background's rounds: pieces of 3 (the service's segmentPageSize), progress in the list.
            let first = try await flows.runDueCampaigns(now: now)
            #expect(first.map(\.entered) == [3] && first.allSatisfy { !$0.finished })
            let listed = try await client.send(.get, "/api/v1/flows/newsletter/sends")
            let row = try #require((listed.object["campaigns"] as? [[String: Any]])?.first)
            #expect(row["state"] as? String == "sending" && row["status"] as? String == "scheduled")
            #expect(row["members"] as? Int == 4 && row["handled"] as? Int == 3 && row["entered"] as? Int == 3)
            let second = try await flows.runDueCampaigns(now: now.addingTimeInterval(1))
            #expect(second.map(\.entered) == [1] && second.allSatisfy(\.finished))
            #expect(try await flows.runDueCampaigns(now: now.addingTimeInterval(2)).isEmpty)
            let done = try await client.send(.get, "/api/v1/flows/newsletter/sends")
            let finished = try #require((done.object["campaigns"] as? [[String: Any]])?.first)
            #expect(finished["state"] as? String == "sent" && finished["members"] as? Int == 4)
            #expect(finished["handled"] as? Int == 4 && finished["entered"] as? Int == 4)

            #expect(
                try await client.send(.post, "/api/v1/flows/nope/sends", key: Self.admin, json: body).status == .notFound)
            let bad = try await client.send(
                .post, "/api/v1/flows/newsletter/sends", key: Self.admin, json: #"{"campaign": "x", "segment": "sleepy"}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.pointers == ["/segment"])
        }
        #expect(try await store.enrolments(customerID: "r_0").count == 1)
    }

    @Test("without flows the route answers 404")
    func withoutFlows() async throws {
        try await serve(InMemoryStore(), flows: nil) { client in
            let response = try await client.send(
                .post, "/api/v1/flows/newsletter/sends", key: Self.admin, json: #"{"campaign": "spring", "segment": "all"}"#)
            #expect(response.status == .notFound)
        }
    }
}
