import Crypto
import FlywheelCore
import FlywheelStore
import Foundation
import Testing

@Suite("flywheel outbox and flows webhook-secret (the real binary on a SQLite file)")
struct OutboxCommandTests {
    /// Two dead letters (one of a flow, with its enrolment) and one message on its way.
    static func seed(_ dir: URL) async throws {
        let store = try SQLiteStore(path: dir.appendingPathComponent("flywheel.sqlite").path)
        try await store.migrate()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        _ = try await store.insertEnrolments([
            StoredEnrolment(
                id: "enr_1", customerID: "c1", flowID: "review_request", flowVersion: 2, entryKey: "review_request/o1",
                state: Data(), dueAt: nil, status: .finished, createdAt: now, updatedAt: now)
        ])
        for (id, key, flow) in [("m-flow", "enr_1/review/3", "review_request"), ("m-plain", "optin/c2/1", nil), ("m-live", "enr_1/x/1", nil)] {
            _ = try await store.enqueue(
                OutboxMessage(
                    id: id, idempotencyKey: key, customerID: id == "m-plain" ? "c2" : "c1", channel: .email,
                    messageClass: "marketing", recipient: "secret.person@example.de",
                    content: OutboxContent(subject: "Hallo Secretia", text: "Body for Secretia", html: nil),
                    templateID: "review_request", locale: "de", flowID: flow, stepID: flow == nil ? nil : "review",
                    createdAt: now))
        }
        _ = try await store.claimOutbox(owner: "w", limit: 10, now: now, leaseUntil: now + 60)
        _ = try await store.recordOutboxOutcomes(
            [
                OutboxOutcome(id: "m-flow", attempt: 1, result: .dead(error: "550 5.1.1 mailbox unavailable")),
                OutboxOutcome(id: "m-plain", attempt: 1, result: .dead(error: "gave up after 1 attempts: timeout")),
            ], owner: "w", now: now + 1)
        try store.close()
    }

    @Test("dead-letters lists (JSON and text) without body or address; retry queues one again with a timeline line; discard gives one up")
    func deadLetters() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        try await Self.seed(dir)
        let listed = try await FlywheelBinary.run(["outbox", "dead-letters", "--json"], in: dir)
        #expect(listed.status == 0, "\(listed.stderr)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(Set(items.compactMap { $0["id"] as? String }) == ["m-flow", "m-plain"])
        let flow = try #require(items.first { $0["id"] as? String == "m-flow" })
        #expect(flow["customer_id"] as? String == "c1" && flow["template_id"] as? String == "review_request")
        #expect(flow["attempts"] as? Int == 1 && flow["last_error"] as? String == "550 5.1.1 mailbox unavailable")
        for secret in ["secret.person", "Secretia"] { #expect(!listed.stdout.contains(secret)) }

        let text = try await FlywheelBinary.run(["outbox", "dead-letters"], in: dir)
        #expect(text.status == 0 && text.stdout.contains("m-flow  customer c1  email, marketing, review_request, flow review_request"))
        #expect(text.stdout.contains("after 1 attempt(s): 550 5.1.1 mailbox unavailable"))

        let retried = try await FlywheelBinary.run(["outbox", "retry", "m-flow"], in: dir)
        #expect(retried.status == 0 && retried.stdout.contains("Queued m-flow again."), "\(retried.stderr)")
        let again = try await FlywheelBinary.run(["outbox", "retry", "m-flow"], in: dir)
        #expect(again.status != 0 && again.stderr.contains("the message m-flow is queued, not a dead letter"))
        let unknown = try await FlywheelBinary.run(["outbox", "retry", "nope"], in: dir)
        #expect(unknown.status != 0 && unknown.stderr.contains("no outbox message with the id nope"))
        let discarded = try await FlywheelBinary.run(["outbox", "discard", "m-plain"], in: dir)
        #expect(discarded.status == 0 && discarded.stdout.contains("Discarded m-plain."), "\(discarded.stderr)")
        #expect(try await FlywheelBinary.run(["outbox", "dead-letters"], in: dir).stdout.contains("No dead letters."))

        let store = try SQLiteStore(path: dir.appendingPathComponent("flywheel.sqlite").path)
        let message = try #require(try await store.outboxMessage(id: "m-flow"))
        #expect(message.status == .queued && message.attempts == 0 && message.nextAttemptAt != nil)
        #expect(try await store.outboxMessage(id: "m-plain")?.status == .discarded)
        let timeline = try await store.timeline(customerID: "c1", before: nil, limit: 10).entries
        #expect(timeline.count == 1)
        #expect(timeline.first?.kind == .resumed && timeline.first?.flowVersion == 2 && timeline.first?.stepID == "review")
        #expect(timeline.first?.detail == "email dead letter queued again by an operator (last error: 550 5.1.1 mailbox unavailable)")
        try store.close()
    }

    @Test("webhook-secret prints the HMAC of \"flow-webhooks\" under the link secret; without a link secret it refuses")
    func webhookSecret() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let linkSecret = "a link secret for the webhook test"
        let printed = try await FlywheelBinary.run(["flows", "webhook-secret"], in: dir, environment: ["FLYWHEEL_LINK_SECRET": linkSecret])
        #expect(printed.status == 0, "\(printed.stderr)")
        let expected = HMAC<SHA256>.authenticationCode(
            for: Data("flow-webhooks".utf8), using: SymmetricKey(data: Data(linkSecret.utf8))
        ).map { String(format: "%02x", $0) }.joined()
        #expect(printed.stdout == expected + "\n")
        let flag = try await FlywheelBinary.run(["flows", "webhook-secret", "--link-secret", linkSecret], in: dir)
        #expect(flag.stdout == printed.stdout)
        let missing = try await FlywheelBinary.run(["flows", "webhook-secret"], in: dir, environment: ["FLYWHEEL_LINK_SECRET": ""])
        #expect(missing.status != 0 && missing.stderr.contains("no link secret"))
    }
}
