public import FlywheelCore
public import Foundation

/// The operator's side of the outbox's dead letters, shared by the API and the CLI: list them (paged), queue
/// one again (attempts from zero) or discard it. Retries and discards of flow messages go on the customer's
/// timeline.
public struct DeadLetterDesk: Sendable {
    /// What became of a retry or discard.
    public enum Result: Sendable, Hashable {
        /// Done; the message as it is now.
        case done(OutboxMessage)
        /// No message with this id.
        case unknown
        /// The message is not a dead letter (its status says what it is).
        case notDead(OutboxStatus)
    }

    private let store: any FlywheelStore
    private let outbox: any OutboxStore

    /// The desk over `store`; `nil` when the engine keeps no outbox.
    public init?(store: any FlywheelStore) {
        guard let outbox = store as? any OutboxStore else { return nil }
        self.store = store
        self.outbox = outbox
    }

    /// Up to `limit` dead letters after `after`, most recently failed first, and the cursor of the next page
    /// (`nil` on the last).
    public func page(after: DeadLetterCursor?, limit: Int) async throws -> (items: [DeadLetter], next: DeadLetterCursor?) {
        let messages = try await outbox.deadLetters(after: after, limit: limit + 1)
        let page = Array(messages.prefix(limit))
        let next = messages.count > limit ? page.last.map(DeadLetterCursor.init(after:)) : nil
        return (page.map(DeadLetter.init), next)
    }

    /// Queues the dead letter `id` again at `now`, attempts from zero; the flow's timeline says so.
    public func retry(id: String, now: Date) async throws -> Result {
        try await change(id: id, now: now, kind: .resumed, suffix: "retried", detail: "dead letter queued again by an operator") {
            try await outbox.retryDeadLetter(id: id, now: now)
        }
    }

    /// Discards the dead letter `id` for good; the flow's timeline says so.
    public func discard(id: String, now: Date) async throws -> Result {
        try await change(id: id, now: now, kind: .skipped, suffix: "discarded", detail: "dead letter discarded by an operator") {
            try await outbox.discardDeadLetter(id: id, now: now)
        }
    }

    private func change(
        id: String, now: Date, kind: TimelineEntry.Kind, suffix: String, detail: String, _ apply: () async throws -> Bool
    ) async throws -> Result {
        guard let before = try await outbox.outboxMessage(id: id) else { return .unknown }
        guard try await apply(), let after = try await outbox.outboxMessage(id: id) else {
            let current = try await outbox.outboxMessage(id: id)?.status ?? before.status
            return .notDead(current)
        }
        // One entry per change: a message retried twice gets two lines (the instant tells them apart).
        let stamp = String(Int64((now.timeIntervalSince1970 * 1000).rounded()))
        let reason = before.lastError.map { " (last error: \($0))" } ?? ""
        if let entry = try await OutboxTimeline.entry(
            kind, about: after, suffix: "\(suffix)-\(stamp)", detail: detail + reason, at: now, store: store)
        {
            try await store.appendTimeline([entry])
        }
        return .done(after)
    }
}
