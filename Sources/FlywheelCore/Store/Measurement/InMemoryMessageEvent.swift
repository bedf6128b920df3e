import Foundation

/// The in-memory engine's row of `message_events`: the first event of a kind for a message, a counter and
/// the last time.
struct InMemoryMessageEvent: Sendable {
    var first: MessageEvent
    var lastAt: Date
    var count: Int

    /// The row's key: message id and kind.
    static func key(_ messageID: String, _ kind: MessageEvent.Kind) -> String { kind.rawValue + ":" + messageID }
}
