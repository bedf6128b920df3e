public import Foundation

/// What became of one claimed attempt, as the worker reports it to the store.
public struct OutboxOutcome: Sendable, Hashable {
    /// The result of the attempt.
    public enum Result: Sendable, Hashable {
        /// Accepted; the provider's id for it when it gave one.
        case sent(providerMessageID: String?)
        /// Failed temporarily: try again at the given time.
        case retry(at: Date, error: String)
        /// Failed for good (permanent refusal, or the last attempt): a dead letter.
        case dead(error: String)
        /// Not sent: the delivery's re-check found the customer may no longer receive it (the reason). Final.
        case withdrawn(reason: String)
    }

    /// The message.
    public var id: String
    /// The attempt number the claim gave it (`OutboxMessage.attempts` as claimed): an outcome of an older
    /// claim, whose lease another worker took over, is ignored.
    public var attempt: Int
    public var result: Result

    /// An outcome.
    public init(id: String, attempt: Int, result: Result) {
        self.id = id
        self.attempt = attempt
        self.result = result
    }
}
