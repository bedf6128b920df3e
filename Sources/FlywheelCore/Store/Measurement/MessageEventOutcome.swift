/// What recording a `MessageEvent` did.
public enum MessageEventOutcome: String, Hashable, Sendable {
    /// The first event of its kind for the message: it counts in the reports.
    case first
    /// The message had an event of this kind already: only its counter and last time moved.
    case repeated
    /// No outbox message has this id (e.g. it was erased): nothing was stored.
    case unknownMessage = "unknown_message"
}
