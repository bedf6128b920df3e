public import Foundation

/// A position in the dead-letter list (most recently failed first, then by id): the last message of a page.
/// The next page holds the dead letters that failed earlier, or at the same instant with a greater id.
public struct DeadLetterCursor: Hashable, Sendable {
    /// When the message failed for good (`OutboxMessage.updatedAt`).
    public var failedAt: Date
    public var id: String

    /// A cursor after the message that failed at `failedAt` with `id`.
    public init(failedAt: Date, id: String) {
        self.failedAt = failedAt
        self.id = id
    }

    /// The cursor after `message`, for the next page.
    public init(after message: OutboxMessage) {
        self.init(failedAt: message.updatedAt, id: message.id)
    }

    /// Whether `message` comes after this cursor in the list's order.
    public func precedes(_ message: OutboxMessage) -> Bool {
        message.updatedAt < failedAt || (message.updatedAt == failedAt && message.id > id)
    }
}
