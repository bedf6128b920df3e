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

    /// Stores many messages in one transaction, each unless its idempotency key is already stored (or comes
    /// earlier in `messages`). Returns one result per message, in order: the message stored (`isNew`) or the
    /// one that had its key. All or nothing: an invalid message or an id taken by another key
    /// (`OutboxStoreError`) stores none of them.
    func enqueue(_ messages: [OutboxMessage]) async throws -> [OutboxEnqueued]

    /// Which of `keys` are stored already, in one lookup (an enqueuer skips rendering those).
    func storedOutboxKeys(_ keys: [String]) async throws -> Set<String>

    /// Claims up to `limit` messages of `channels` due at `now` (queued or failed with `nextAttemptAt <= now`,
    /// or sending under an expired lease), oldest due first: each becomes `sending`, `attempts + 1`, leased to
    /// `owner` until `leaseUntil`. Returns them as claimed. Messages of other channels are left as they are (a
    /// worker without an SMS gateway leaves SMS queued).
    func claimOutbox(owner: String, limit: Int, now: Date, leaseUntil: Date, channels: Set<OutboxChannel>) async throws
        -> [OutboxMessage]

    /// Records what became of claimed attempts; returns how many applied (an outcome whose claim no longer
    /// holds the message is skipped).
    func recordOutboxOutcomes(_ outcomes: [OutboxOutcome], owner: String, now: Date) async throws -> Int

    func outboxMessage(id: String) async throws -> OutboxMessage?
    func outboxMessage(idempotencyKey: String) async throws -> OutboxMessage?
    /// A customer's messages, oldest first (the delivery side of their timeline).
    func outboxMessages(customerID: String) async throws -> [OutboxMessage]
    /// Dead letters, most recently failed first (then by id), at most `limit`, those after `after` (a page's
    /// last message, `DeadLetterCursor(after:)`) when given.
    func deadLetters(after: DeadLetterCursor?, limit: Int) async throws -> [OutboxMessage]
    /// Queues a dead letter again for an attempt at `now`, its attempts counted from zero; `false` when
    /// there is no such message or it is not dead.
    func retryDeadLetter(id: String, now: Date) async throws -> Bool
    /// Gives a dead letter up for good (`discarded`, never sent, its idempotency key kept so its effect is not
    /// queued again); `false` when there is no such message or it is not dead.
    func discardDeadLetter(id: String, now: Date) async throws -> Bool
}

extension OutboxStore {
    /// The first `limit` dead letters, most recently failed first.
    public func deadLetters(limit: Int) async throws -> [OutboxMessage] {
        try await deadLetters(after: nil, limit: limit)
    }

    /// Claims up to `limit` due messages of every channel (see `claimOutbox(owner:limit:now:leaseUntil:channels:)`).
    public func claimOutbox(owner: String, limit: Int, now: Date, leaseUntil: Date) async throws -> [OutboxMessage] {
        try await claimOutbox(owner: owner, limit: limit, now: now, leaseUntil: leaseUntil, channels: OutboxChannel.every)
    }
}
