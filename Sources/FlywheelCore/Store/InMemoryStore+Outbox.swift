public import Foundation

extension InMemoryStore {
    public func enqueue(_ message: OutboxMessage) async throws -> OutboxEnqueued {
        try message.validate()
        if let id = outboxKeys[message.idempotencyKey], let stored = outbox[id] {
            return OutboxEnqueued(message: stored, isNew: false)
        }
        guard outbox[message.id] == nil else { throw OutboxStoreError.duplicateID(message.id) }
        outbox[message.id] = message
        outboxKeys[message.idempotencyKey] = message.id
        return OutboxEnqueued(message: message, isNew: true)
    }

    public func enqueue(_ messages: [OutboxMessage]) async throws -> [OutboxEnqueued] {
        for message in messages { try message.validate() }
        // Decided in full before anything is stored: a refusal leaves the outbox as it was.
        var newByKey: [String: OutboxMessage] = [:]
        var newIDs: Set<String> = []
        var results: [OutboxEnqueued] = []
        results.reserveCapacity(messages.count)
        for message in messages {
            if let id = outboxKeys[message.idempotencyKey], let stored = outbox[id] {
                results.append(OutboxEnqueued(message: stored, isNew: false))
            } else if let earlier = newByKey[message.idempotencyKey] {
                results.append(OutboxEnqueued(message: earlier, isNew: false))
            } else {
                guard outbox[message.id] == nil, newIDs.insert(message.id).inserted else {
                    throw OutboxStoreError.duplicateID(message.id)
                }
                newByKey[message.idempotencyKey] = message
                results.append(OutboxEnqueued(message: message, isNew: true))
            }
        }
        for result in results where result.isNew {
            outbox[result.message.id] = result.message
            outboxKeys[result.message.idempotencyKey] = result.message.id
        }
        return results
    }

    public func storedOutboxKeys(_ keys: [String]) async throws -> Set<String> {
        Set(keys.filter { outboxKeys[$0] != nil })
    }

    public func claimOutbox(owner: String, limit: Int, now: Date, leaseUntil: Date, channels: Set<OutboxChannel>)
        async throws -> [OutboxMessage]
    {
        let due = outbox.values.filter { $0.isClaimable(at: now) && channels.contains($0.channel) }
            .sorted { ($0.nextAttemptAt ?? now, $0.id) < ($1.nextAttemptAt ?? now, $1.id) }
            .prefix(max(0, limit))
        return due.map { message in
            var claimed = message
            claimed.status = .sending
            claimed.attempts += 1
            claimed.leaseOwner = owner
            claimed.nextAttemptAt = leaseUntil
            claimed.updatedAt = now
            outbox[claimed.id] = claimed
            return claimed
        }
    }

    public func recordOutboxOutcomes(_ outcomes: [OutboxOutcome], owner: String, now: Date) async throws -> Int {
        var applied = 0
        for outcome in outcomes {
            guard var message = outbox[outcome.id], message.status == .sending, message.leaseOwner == owner,
                message.attempts == outcome.attempt
            else { continue }
            message.apply(outcome.result, now: now)
            outbox[message.id] = message
            applied += 1
        }
        return applied
    }

    public func outboxMessage(id: String) async throws -> OutboxMessage? { outbox[id] }

    public func outboxMessage(idempotencyKey: String) async throws -> OutboxMessage? {
        outboxKeys[idempotencyKey].flatMap { outbox[$0] }
    }

    public func outboxMessages(customerID: String) async throws -> [OutboxMessage] {
        outbox.values.filter { $0.customerID == customerID }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func deadLetters(after: DeadLetterCursor?, limit: Int) async throws -> [OutboxMessage] {
        Array(
            outbox.values.filter { $0.status == .dead && after?.precedes($0) != false }
                .sorted { ($1.updatedAt, $0.id) < ($0.updatedAt, $1.id) }
                .prefix(max(0, limit)))
    }

    public func discardDeadLetter(id: String, now: Date) async throws -> Bool {
        guard var message = outbox[id], message.status == .dead else { return false }
        message.discard(now: now)
        outbox[id] = message
        return true
    }

    public func retryDeadLetter(id: String, now: Date) async throws -> Bool {
        guard var message = outbox[id], message.status == .dead else { return false }
        message.requeue(now: now)
        outbox[id] = message
        return true
    }
}
