import FlywheelCore
import FlywheelStore
import Foundation
import PostgresNIO
import Testing

/// The outbox on PostgreSQL across processes: claimers on separate connection pools (as separate Flywheel
/// instances) never get the same message, and a claim passes over rows another transaction holds.
@Suite(
    "PostgreSQL outbox claims",
    .enabled(if: PostgresTestServer.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/test sets it)"))
struct PostgresOutboxTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    static func message(_ index: Int) -> OutboxMessage {
        OutboxMessage(
            id: String(format: "m%04d", index), idempotencyKey: "enr_\(index)/send/1", customerID: "c\(index % 7)",
            channel: .email, messageClass: "transactional", recipient: "c\(index)@example.com",
            content: OutboxContent(subject: "Hello", text: "Hello"), createdAt: now - 60)
    }

    @Test("two instances claiming at once never get the same message")
    func separatePools() async throws {
        try await PostgresTestServer.withDatabase { url in
            let first = try await PostgresStore.connect(url: url)
            let second = try await PostgresStore.connect(url: url)
            try await first.migrate()
            for index in 0..<300 { _ = try await first.enqueue(Self.message(index)) }
            let claims = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
                for (number, store) in [first, second].enumerated() {
                    for worker in 0..<4 {
                        group.addTask {
                            var mine: [String] = []
                            while true {
                                let batch = try await store.claimOutbox(
                                    owner: "instance\(number)-w\(worker)", limit: 7, now: Self.now,
                                    leaseUntil: Self.now + 300)
                                if batch.isEmpty { return (number, mine) }
                                mine += batch.map(\.id)
                            }
                        }
                    }
                }
                var all: [(Int, [String])] = []
                for try await claim in group { all.append(claim) }
                return all
            }
            let ids = claims.flatMap(\.1)
            #expect(ids.count == 300)
            #expect(Set(ids).count == 300)
            // Both instances did part of the work.
            #expect(claims.filter { $0.0 == 0 }.flatMap(\.1).count > 0)
            #expect(claims.filter { $0.0 == 1 }.flatMap(\.1).count > 0)
            let attempts = try await PostgresTestServer.query(url, "SELECT max(attempts) FROM outbox_messages")
            #expect(try attempts.first?.decode(Int.self) == 1)
            await first.shutdown()
            await second.shutdown()
        }
    }

    @Test("a claim passes over rows locked by another transaction instead of waiting")
    func skipsLockedRows() async throws {
        try await PostgresTestServer.withDatabase { url in
            let store = try await PostgresStore.connect(url: url)
            try await store.migrate()
            for index in 0..<4 { _ = try await store.enqueue(Self.message(index)) }
            let configuration = PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
                tls: .disable)
            let logger = PostgresStore.silentLogger
            let other = try await PostgresConnection.connect(configuration: configuration, id: 7, logger: logger)
            _ = try await other.query("BEGIN", logger: logger).collect()
            _ = try await other.query(
                "SELECT id FROM outbox_messages WHERE id IN ('m0000', 'm0001') FOR UPDATE", logger: logger
            ).collect()
            let claimed = try await store.claimOutbox(owner: "w", limit: 10, now: Self.now, leaseUntil: Self.now + 60)
            #expect(claimed.map(\.id) == ["m0002", "m0003"])
            _ = try await other.query("ROLLBACK", logger: logger).collect()
            try await other.close()
            let rest = try await store.claimOutbox(owner: "w", limit: 10, now: Self.now, leaseUntil: Self.now + 60)
            #expect(rest.map(\.id) == ["m0000", "m0001"])
            await store.shutdown()
        }
    }
}
