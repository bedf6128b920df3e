import FlywheelAnalytics
import FlywheelCore
import FlywheelServer
import FlywheelStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Saved segments on every server: a segment one `flywheel serve` saves, changes or deletes reaches the
/// dashboard engine of another on the same database within a sync interval (`SavedSegmentSync`).
@Suite("Saved segments on every server: two servers on one database")
struct SavedSegmentSyncTests {
    typealias S = FlowTestSupport
    static let admin = "fw_test_sync_admin"
    static let reader = "fw_test_sync_read"
    static let now = S.berlin(2026, 11, 18, 9)

    static func rule(orders: Int) -> String {
        #"{"rule": {"match": "all", "conditions": [{"field": "orders", "comparison": ">=", "value": \#(orders)}]}}"#
    }

    /// Keys and a shop of three customers: `c_0` with two orders, `c_1` and `c_2` with one.
    static func prepare(_ store: any FlywheelStore) async throws {
        try await store.migrate()
        try await store.createAPIKey(
            APIKey(id: "key_sa", name: "owner", scopes: [.admin], secretHash: APIKeyIssuer.hash(secret: admin), createdAt: now))
        try await store.createAPIKey(
            APIKey(id: "key_sr", name: "reader", scopes: [.read], secretHash: APIKeyIssuer.hash(secret: reader), createdAt: now))
        var batch = IngestBatch()
        for i in 0..<3 {
            batch.customers.append(TriggerShop.customer("c_\(i)"))
            batch.orders.append(TriggerShop.order("a_\(i)", "c_\(i)", at: now.addingTimeInterval(-30 * 86_400)))
        }
        batch.orders.append(TriggerShop.order("b_0", "c_0", at: now.addingTimeInterval(-5 * 86_400)))
        _ = try await store.ingest(batch)
    }

    static func members(_ client: any TestClientProtocol) async throws -> [String]? {
        let response = try await client.send(.get, "/api/v1/segments/repeaters/members", key: reader)
        guard response.status == .ok else { return nil }
        return response.object["items"] as? [String]
    }

    /// Server A changes the segment; server B (its own pool, its own dashboard) follows within the interval.
    static func twoServers(_ first: any FlywheelStore, _ second: any FlywheelStore) async throws {
        var configuration = ServerConfiguration(port: 0)
        configuration.segmentSyncSeconds = 1
        let clock = { @Sendable in now }
        let a = try await FlywheelServer.buildApplication(
            store: first, configuration: configuration, logger: Logger(label: "flywheel.test.a"), now: clock)
        let b = try await FlywheelServer.buildApplication(
            store: second, configuration: configuration, logger: Logger(label: "flywheel.test.b"), now: clock)
        try await a.test(.live) { serverA in
            try await b.test(.live) { serverB in
                #expect(try await serverA.send(.put, "/api/v1/segments/repeaters", key: admin, json: rule(orders: 2)).status == .created)
                // B meets the segment on first use (its dashboard loads, then evaluates it).
                #expect(try await S.eventually(30) { try await members(serverB) == ["c_0"] })
                // A changes the rule: A at once, B within the sync interval (without it B keeps the old rule).
                #expect(try await serverA.send(.put, "/api/v1/segments/repeaters", key: admin, json: rule(orders: 1)).status == .ok)
                #expect(try await members(serverA) == ["c_0", "c_1", "c_2"])
                let followed = try await S.eventually(10) { try await members(serverB) == ["c_0", "c_1", "c_2"] }
                #expect(followed, "server B still evaluates the old rule")
                // And back again.
                #expect(try await serverA.send(.put, "/api/v1/segments/repeaters", key: admin, json: rule(orders: 2)).status == .ok)
                #expect(try await S.eventually(10) { try await members(serverB) == ["c_0"] })
            }
        }
    }

    @Test("two pools on one SQLite file: a rule changed on one server is evaluated by the other within the interval")
    func sqlite() async throws {
        let folder = try S.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shop.sqlite").path
        let first = try SQLiteStore(path: path)
        try await Self.prepare(first)
        let second = try SQLiteStore(path: path)
        try await Self.twoServers(first, second)
        try first.close()
        try second.close()
    }

    @Test(
        "two pools on one PostgreSQL database: a rule changed on one server is evaluated by the other within the interval",
        .enabled(if: ServerTestPostgres.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/with-postgres sets it)"))
    func postgres() async throws {
        try await ServerTestPostgres.withDatabase { url in
            let first = try await PostgresStore.connect(url: url, maximumConnections: 4)
            let second = try await PostgresStore.connect(url: url, maximumConnections: 4)
            try await Self.prepare(first)
            do {
                try await Self.twoServers(first, second)
            } catch {
                await first.shutdown()
                await second.shutdown()
                throw error
            }
            await first.shutdown()
            await second.shutdown()
        }
    }

    @Test("the comparison: saved, changed and deleted elsewhere are taken over; the same list changes nothing")
    func comparison() async throws {
        let store = InMemoryStore()
        try await Self.prepare(store)
        let dashboard = DashboardAnalytics(settings: .defaults)
        await dashboard.load(from: store, now: { Self.now })
        let two = SavedSegment(name: "repeaters", rule: SegmentRule(.all, [SegmentCondition(.orders, .greaterOrEqual, .number(2))]))
        let one = SavedSegment(name: "repeaters", rule: SegmentRule(.all, [SegmentCondition(.orders, .greaterOrEqual, .number(1))]))
        let big = SavedSegment(name: "big", rule: SegmentRule(.all, []))
        #expect(await dashboard.syncSavedSegments([two.stored(at: Self.now, by: "a")], now: Self.now) == 1)
        #expect(await dashboard.members(ofSaved: "repeaters", now: Self.now) == ["c_0"])
        let version = await dashboard.version
        #expect(await dashboard.syncSavedSegments([two.stored(at: Self.now, by: "a")], now: Self.now) == 0)
        #expect(await dashboard.version == version, "an unchanged list recomputes nothing")
        let changed = [big.stored(at: Self.now, by: "b"), one.stored(at: Self.now, by: "b")]
        #expect(await dashboard.syncSavedSegments(changed, now: Self.now) == 2)
        #expect(await dashboard.members(ofSaved: "repeaters", now: Self.now) == ["c_0", "c_1", "c_2"])
        #expect(await dashboard.members(ofSaved: "big", now: Self.now) == ["c_0", "c_1", "c_2"])
        #expect(await dashboard.syncSavedSegments([big.stored(at: Self.now, by: "b")], now: Self.now) == 1)
        #expect(await dashboard.members(ofSaved: "repeaters", now: Self.now) == nil)
    }
}
