public import Foundation

/// The outbox: messages waiting to be delivered, claimed by workers under a lease, with retries and dead
/// letters. Every engine (in-memory, SQLite, PostgreSQL) implements it and passes the outbox checks of the
/// store conformance suite.
///
/// Rules every engine keeps:
/// - The idempotency key is unique: `enqueue` of a known key stores nothing and returns the stored message.
/// - `claimOutbox` hands each due message to one claimer at a time, even across processes (PostgreSQL
///   `FOR UPDATE SKIP LOCKED`; SQLite one write transaction); a claim starts an attempt (`attempts + 1`)
///   and holds a lease until `leaseUntil`, after which the message is claimable again (its worker died).
/// - `recordOutboxOutcomes` applies an outcome only while the claim it names (`owner`, `attempt`) still
///   holds the message, so a worker whose lease was taken over cannot overwrite the newer attempt.
public protocol OutboxStore: Sendable {
    /// Stores a new message unless one with its idempotency key exists (then returns that one, unchanged).
    /// Throws `OutboxStoreError.duplicateID` when another key has the id.
    func enqueue(_ message: OutboxMessage) async throws -> OutboxEnqueued

    /// Claims up to `limit` messages due at `now` (queued or failed with `nextAttemptAt <= now`, or sending
    /// under an expired lease), oldest due first: each becomes `sending`, `attempts + 1`, leased to `owner`
    /// until `leaseUntil`. Returns them as claimed.
    func claimOutbox(owner: String, limit: Int, now: Date, leaseUntil: Date) async throws -> [OutboxMessage]

    /// Records what became of claimed attempts; returns how many applied (an outcome whose claim no longer
    /// holds the message is skipped).
    func recordOutboxOutcomes(_ outcomes: [OutboxOutcome], owner: String, now: Date) async throws -> Int

    func outboxMessage(id: String) async throws -> OutboxMessage?
    func outboxMessage(idempotencyKey: String) async throws -> OutboxMessage?
    /// A customer's messages, oldest first (the delivery side of their timeline).
    func outboxMessages(customerID: String) async throws -> [OutboxMessage]
    /// Dead letters, most recently failed first, at most `limit`.
    func deadLetters(limit: Int) async throws -> [OutboxMessage]
    /// Queues a dead letter again for an attempt at `now`, its attempts counted from zero; `false` when
    /// there is no such message or it is not dead.
    func retryDeadLetter(id: String, now: Date) async throws -> Bool
}
