import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelServer
import FlywheelStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("/api/v1/segments and scheduled sends in the whole application (SQLite, a restart, a manual clock)")
struct SegmentRoutesTests {
    typealias S = FlowTestSupport
    static let admin = "fw_test_segments_admin"
    static let reader = "fw_test_segments_read"
    static let repeaters = #"{"rule": {"match": "all", "conditions": [{"field": "orders", "comparison": ">=", "value": 2}]}}"#

    /// The application as `flywheel serve` builds it (dashboard on, the newsletter flow, `effects`, `clock`) on
    /// the SQLite file at `path`, served live (the dashboard loads once the server runs).
    private func run(
        path: String, clock: ManualClock, effects: RecordingFlowEffects,
        _ body: @escaping @Sendable (any TestClientProtocol, any FlywheelStore) async throws -> Void
    ) async throws {
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        let library = try TriggerShop.library([try TriggerShop.program(FlowTierAndSegmentTests.newsletter)])
        let app = try await FlywheelServer.buildApplication(
            store: store, configuration: ServerConfiguration(port: 0, flowIntervalSeconds: 3_600),
            logger: Logger(label: "flywheel.test"), flows: library, flowEffects: effects, now: { clock.now })
        try await app.test(.live) { client in try await body(client, store) }
        try store.close()
    }

    private func members(_ client: any TestClientProtocol, _ query: String = "") async throws -> [String]? {
        let response = try await client.send(.get, "/api/v1/segments/repeaters/members" + query, key: Self.reader)
        guard response.status == .ok else { return nil }
        return response.object["items"] as? [String]
    }

    @Test("saved through the API, kept current as orders arrive, used by a scheduled send that survives a restart")
    func wholeStory() async throws {
        let folder = try S.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shop.sqlite").path
        let effects = RecordingFlowEffects()
        let start = S.berlin(2026, 11, 18, 9)
        let clock = ManualClock(start)
        do {
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            try await store.createAPIKey(
                APIKey(id: "key_sa", name: "owner", scopes: [.admin], secretHash: APIKeyIssuer.hash(secret: Self.admin), createdAt: start))
            try await store.createAPIKey(
                APIKey(id: "key_sr", name: "reader", scopes: [.read], secretHash: APIKeyIssuer.hash(secret: Self.reader), createdAt: start))
            var batch = IngestBatch()
            for i in 0..<3 {
                batch.customers.append(TriggerShop.customer("c_\(i)"))
                batch.orders.append(TriggerShop.order("a_\(i)", "c_\(i)", at: start.addingTimeInterval(-30 * 86_400)))
            }
            batch.orders.append(TriggerShop.order("b_0", "c_0", at: start.addingTimeInterval(-5 * 86_400)))
            _ = try await store.ingest(batch)
            try store.close()
        }
        let sendAt = start.addingTimeInterval(86_400)

        try await run(path: path, clock: clock, effects: effects) { client, _ in
            // Writes need the admin scope; reads the read scope.
            #expect(try await client.send(.put, "/api/v1/segments/repeaters", key: Self.reader, json: Self.repeaters).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/segments", key: nil).status == .unauthorized)
            let created = try await client.send(.put, "/api/v1/segments/repeaters", key: Self.admin, json: Self.repeaters)
            #expect(created.status == .created)
            #expect(created.object["updated_by"] as? String == "owner")
            #expect(try await client.send(.put, "/api/v1/segments/repeaters", key: Self.admin, json: Self.repeaters).status == .ok)

            // Mistakes name the rule's field and the reason.
            let wrongKind = try await client.send(
                .put, "/api/v1/segments/odd", key: Self.admin,
                json: #"{"rule": {"match": "all", "conditions": [{"field": "orders", "comparison": ">=", "value": 1}, {"field": "vip", "comparison": "=", "value": 3}]}}"#)
            #expect(wrongKind.status == .unprocessableContent)
            #expect(wrongKind.pointers == ["/rule/conditions/1"])
            let builtIn = try await client.send(.put, "/api/v1/segments/lapsing", key: Self.admin, json: Self.repeaters)
            #expect(builtIn.status == .unprocessableContent && builtIn.pointers == ["/name"])
            #expect(try await client.send(.get, "/api/v1/segments/odd", key: Self.reader).status == .notFound)

            let list = try await client.send(.get, "/api/v1/segments", key: Self.reader).object
            #expect((list["segments"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["repeaters"])

            // The dashboard's engine holds the members (once the history is loaded) …
            #expect(try await S.eventually(30) { try await members(client) == ["c_0"] })
            // … and an order posted through the API moves a customer in, without a restart.
            let order = FlowBodies.order("b_1", customer: "c_1", placedAt: start.addingTimeInterval(-3_600))
            #expect(try await client.send(.post, "/api/v1/orders", key: Self.admin, json: order).status == .created)
            #expect(try await members(client) == ["c_0", "c_1"])
            // Pages by cursor.
            let firstPage = try await client.send(.get, "/api/v1/segments/repeaters/members?limit=1", key: Self.reader).object
            #expect(firstPage["items"] as? [String] == ["c_0"])
            let cursor = try #require(firstPage["next_cursor"] as? String)
            #expect(try await members(client, "?limit=1&cursor=\(cursor)") == ["c_1"])

            // A send ahead is scheduled (202) and listed; a second campaign is cancelled.
            let body = #"{"campaign": "winter", "segment": "repeaters", "send_at": "\#(S.text(sendAt))"}"#
            let scheduled = try await client.send(.post, "/api/v1/flows/newsletter/sends", key: Self.admin, json: body)
            #expect(scheduled.status == .accepted)
            #expect(scheduled.object["status"] as? String == "scheduled" && scheduled.object["created_by"] as? String == "owner")
            #expect(try await client.send(.post, "/api/v1/flows/newsletter/sends", key: Self.admin, json: body).status == .conflict)
            let other = #"{"campaign": "spare", "segment": "all", "send_at": "\#(S.text(sendAt))"}"#
            #expect(try await client.send(.post, "/api/v1/flows/newsletter/sends", key: Self.admin, json: other).status == .accepted)
            #expect(try await client.send(.delete, "/api/v1/flows/newsletter/sends/spare", key: Self.reader).status == .forbidden)
            let cancelled = try await client.send(.delete, "/api/v1/flows/newsletter/sends/spare", key: Self.admin)
            #expect(cancelled.status == .ok && cancelled.object["status"] as? String == "cancelled")
            #expect(try await client.send(.delete, "/api/v1/flows/newsletter/sends/none", key: Self.admin).status == .notFound)
            // The segment a scheduled send names cannot be deleted meanwhile.
            #expect(try await client.send(.delete, "/api/v1/segments/repeaters", key: Self.admin).status == .conflict)
            let sends = try await client.send(.get, "/api/v1/flows/newsletter/sends", key: Self.reader).object
            let statuses = (sends["campaigns"] as? [[String: Any]])?.compactMap { $0["status"] as? String }
            #expect(statuses?.sorted() == ["cancelled", "scheduled"])
        }
        #expect(effects.messages.isEmpty)

        // A restart a day later: the send falls due and goes out to the segment as it is then, once.
        clock.set(sendAt.addingTimeInterval(60))
        try await run(path: path, clock: clock, effects: effects) { client, store in
            let sent = try await S.eventually(30) {
                try await store.campaign(flowID: "newsletter", campaign: "winter")?.status == .sent
            }
            #expect(sent)
            #expect(Set(effects.messages.map(\.customerID)) == ["c_0", "c_1"])
            #expect(try await client.send(.delete, "/api/v1/flows/newsletter/sends/winter", key: Self.admin).status == .conflict)
            #expect(try await store.campaign(flowID: "newsletter", campaign: "spare")?.status == .cancelled)
            // The segments came back with the restart.
            #expect(try await S.eventually(30) { try await members(client) == ["c_0", "c_1"] })
            #expect(try await client.send(.delete, "/api/v1/segments/repeaters", key: Self.admin).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/segments/repeaters/members", key: Self.reader).status == .notFound)
        }

        // A third start sends nothing more.
        clock.set(sendAt.addingTimeInterval(2 * 86_400))
        try await run(path: path, clock: clock, effects: effects) { _, _ in
            try await Task.sleep(for: .milliseconds(300))
        }
        #expect(effects.messages.count == 2)
    }
}
