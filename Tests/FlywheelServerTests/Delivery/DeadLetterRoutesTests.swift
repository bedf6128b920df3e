import FlywheelCore
import FlywheelServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Dead letters through the API: list, retry, discard (admin scope)")
struct DeadLetterRoutesTests {
    /// Three dead letters of customer c-en (failing one second apart, the flow one with its enrolment) and one
    /// message on its way.
    static func seed(_ store: InMemoryStore, now: Date) async throws {
        _ = try await store.insertEnrolments([
            StoredEnrolment(
                id: "enr_9", customerID: "c-en", flowID: "win_back", flowVersion: 4, entryKey: "win_back/c-en",
                state: Data(), dueAt: nil, status: .finished, createdAt: now, updatedAt: now)
        ])
        for (index, id) in ["d1", "d2", "d3", "live"].enumerated() {
            _ = try await store.enqueue(
                OutboxMessage(
                    id: id, idempotencyKey: id == "d1" ? "enr_9/offer/2" : "k-\(id)", customerID: "c-en", channel: .email,
                    messageClass: "marketing", recipient: "anna.private@example.com",
                    content: OutboxContent(subject: "Für Anna", text: "Liebe Anna, …", html: nil), templateID: "win_back",
                    locale: "de", flowID: id == "d1" ? "win_back" : nil, stepID: id == "d1" ? "offer" : nil,
                    createdAt: now - 600 + Double(index)))
        }
        _ = try await store.claimOutbox(owner: "w", limit: 10, now: now - 300, leaseUntil: now + 600)
        for (offset, id) in ["d1", "d2", "d3"].enumerated() {
            _ = try await store.recordOutboxOutcomes(
                [OutboxOutcome(id: id, attempt: 1, result: .dead(error: "550 5.1.1 no such user (\(id))"))], owner: "w",
                now: now - 100 + Double(offset))
        }
    }

    @Test("the list pages newest failure first, shows no body or address, and needs the admin scope")
    func listPages() async throws {
        let server = ConsentTestServer()
        try await Self.seed(server.store, now: server.now)
        try await server.test { client in
            #expect(try await client.send(.get, "/api/v1/outbox/dead-letters", key: ConsentTestServer.ingestRead).status == .forbidden)
            let first = try await client.send(.get, "/api/v1/outbox/dead-letters?limit=2", key: ConsentTestServer.adminKey)
            #expect(first.status == .ok)
            let items = try #require(first.object["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["id"] as? String } == ["d3", "d2"])
            #expect(items[0]["customer_id"] as? String == "c-en" && items[0]["channel"] as? String == "email")
            #expect(items[0]["attempts"] as? Int == 1 && items[0]["last_error"] as? String == "550 5.1.1 no such user (d3)")
            #expect(items[0]["template_id"] as? String == "win_back" && items[0]["failed_at"] is String)
            let body = first.text
            for secret in ["anna.private", "Liebe Anna", "Für Anna"] { #expect(!body.contains(secret)) }
            let cursor = try #require(first.object["next_cursor"] as? String)
            let second = try await client.send(.get, "/api/v1/outbox/dead-letters?limit=2&cursor=\(cursor)", key: ConsentTestServer.adminKey)
            #expect((second.object["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["d1"])
            #expect(second.object["next_cursor"] == nil)
            #expect(try await client.send(.get, "/api/v1/outbox/dead-letters?cursor=bm9wZQ", key: ConsentTestServer.adminKey).status == .badRequest)
        }
    }

    @Test("retry queues the message again with attempts from zero and a timeline line; discard gives one up; others answer 404 or 409")
    func retryAndDiscard() async throws {
        let server = ConsentTestServer()
        try await Self.seed(server.store, now: server.now)
        let store = server.store
        try await server.test { client in
            #expect(try await client.send(.post, "/api/v1/outbox/dead-letters/d1/retry", key: ConsentTestServer.ingestRead).status == .forbidden)
            let retried = try await client.send(.post, "/api/v1/outbox/dead-letters/d1/retry", key: ConsentTestServer.adminKey)
            #expect(retried.status == .ok)
            #expect(retried.object["id"] as? String == "d1" && retried.object["status"] as? String == "queued")
            let message = try #require(try await store.outboxMessage(id: "d1"))
            #expect(message.status == .queued && message.attempts == 0 && message.nextAttemptAt == server.now)
            let timeline = try await store.timeline(customerID: "c-en", before: nil, limit: 10).entries
            #expect(timeline.count == 1)
            #expect(timeline.first?.kind == .resumed && timeline.first?.flowID == "win_back" && timeline.first?.flowVersion == 4)
            #expect(timeline.first?.messageID == "enr_9/offer/2")

            let again = try await client.send(.post, "/api/v1/outbox/dead-letters/d1/retry", key: ConsentTestServer.adminKey)
            #expect(again.status == .conflict)
            #expect(try await client.send(.post, "/api/v1/outbox/dead-letters/live/discard", key: ConsentTestServer.adminKey).status == .conflict)
            #expect(try await client.send(.post, "/api/v1/outbox/dead-letters/nope/retry", key: ConsentTestServer.adminKey).status == .notFound)

            let discarded = try await client.send(.post, "/api/v1/outbox/dead-letters/d2/discard", key: ConsentTestServer.adminKey)
            #expect(discarded.status == .ok && discarded.object["status"] as? String == "discarded")
            #expect(try await store.outboxMessage(id: "d2")?.status == .discarded)
            let left = try await client.send(.get, "/api/v1/outbox/dead-letters", key: ConsentTestServer.adminKey)
            #expect((left.object["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["d3"])
        }
    }
}
