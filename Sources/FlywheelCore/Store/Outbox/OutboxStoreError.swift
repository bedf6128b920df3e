/// Errors of the outbox every engine throws alike.
public struct OutboxStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable { case duplicateID, invalidMessage }
    private let kind: Kind
    private let messageID: String
    private let reason: String

    /// Another message (with another idempotency key) already has this id.
    public static func duplicateID(_ id: String) -> OutboxStoreError {
        OutboxStoreError(kind: .duplicateID, messageID: id, reason: "")
    }

    /// The message cannot be queued as it is; `reason` names the field.
    public static func invalidMessage(id: String, reason: String) -> OutboxStoreError {
        OutboxStoreError(kind: .invalidMessage, messageID: id, reason: reason)
    }

    public var description: String {
        switch kind {
        case .duplicateID: "outbox message \(messageID): another message with another idempotency key has this id"
        case .invalidMessage: "outbox message \(messageID): \(reason)"
        }
    }
}
