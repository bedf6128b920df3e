import FlywheelCore
import Foundation

/// An outbox that counts the calls of each method (`tally`) and forwards them to `base`: tests of how a batch
/// reaches the outbox (one batch enqueue, no per-message lookups). Forwards every `OutboxStore` requirement.
struct CountingOutbox: OutboxStore {
    let base: any OutboxStore
    let tally = CountingStore.Tally()

    func enqueue(_ message: OutboxMessage) async throws -> OutboxEnqueued {
        tally.add("enqueue(message)"); return try await base.enqueue(message)
    }
    func enqueue(_ messages: [OutboxMessage]) async throws -> [OutboxEnqueued] {
        tally.add("enqueue(messages)"); return try await base.enqueue(messages)
    }
    func storedOutboxKeys(_ keys: [String]) async throws -> Set<String> {
        tally.add("storedOutboxKeys"); return try await base.storedOutboxKeys(keys)
    }
    func claimOutbox(owner: String, limit: Int, now: Date, leaseUntil: Date, channels: Set<OutboxChannel>)
        async throws -> [OutboxMessage]
    {
        tally.add("claimOutbox")
        return try await base.claimOutbox(owner: owner, limit: limit, now: now, leaseUntil: leaseUntil, channels: channels)
    }
    func recordOutboxOutcomes(_ outcomes: [OutboxOutcome], owner: String, now: Date) async throws -> Int {
        tally.add("recordOutboxOutcomes"); return try await base.recordOutboxOutcomes(outcomes, owner: owner, now: now)
    }
    func outboxMessage(id: String) async throws -> OutboxMessage? {
        tally.add("outboxMessage(id:)"); return try await base.outboxMessage(id: id)
    }
    func outboxMessage(idempotencyKey: String) async throws -> OutboxMessage? {
        tally.add("outboxMessage(idempotencyKey:)"); return try await base.outboxMessage(idempotencyKey: idempotencyKey)
    }
    func outboxMessages(customerID: String) async throws -> [OutboxMessage] {
        tally.add("outboxMessages"); return try await base.outboxMessages(customerID: customerID)
    }
    func deadLetters(after cursor: DeadLetterCursor?, limit: Int) async throws -> [OutboxMessage] {
        tally.add("deadLetters"); return try await base.deadLetters(after: cursor, limit: limit)
    }
    func retryDeadLetter(id: String, now: Date) async throws -> Bool {
        tally.add("retryDeadLetter"); return try await base.retryDeadLetter(id: id, now: now)
    }
    func discardDeadLetter(id: String, now: Date) async throws -> Bool {
        tally.add("discardDeadLetter"); return try await base.discardDeadLetter(id: id, now: now)
    }
}
