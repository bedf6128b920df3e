public import Foundation

extension OutboxMessage {
    /// The state after an attempt's outcome (the reference every engine's SQL follows).
    public mutating func apply(_ result: OutboxOutcome.Result, now: Date) {
        leaseOwner = nil
        updatedAt = now
        switch result {
        case .sent(let providerMessageID):
            status = .sent
            self.providerMessageID = providerMessageID
            sentAt = now
            nextAttemptAt = nil
        case .retry(let at, let error):
            status = .failed
            lastError = error
            nextAttemptAt = at
        case .dead(let error):
            status = .dead
            lastError = error
            nextAttemptAt = nil
        case .withdrawn(let reason):
            status = .withdrawn
            lastError = reason
            nextAttemptAt = nil
        }
    }

    /// A dead letter queued again for an attempt at `now`, its attempts counted from zero; the last error
    /// is kept until the next attempt's outcome.
    public mutating func requeue(now: Date) {
        status = .queued
        attempts = 0
        nextAttemptAt = now
        leaseOwner = nil
        updatedAt = now
    }

    /// A dead letter given up for good by an operator.
    public mutating func discard(now: Date) {
        status = .discarded
        nextAttemptAt = nil
        leaseOwner = nil
        updatedAt = now
    }
}
