public import FlywheelCore

/// What became of one send of a batch handed to `OutboxEnqueuer.enqueueEach(_:)`.
public enum OutboxSendOutcome: Sendable {
    /// Stored by this call (`isNew`), or, with `isNew` false, its key came earlier in the same batch or another
    /// enqueuer stored it meanwhile (the stored message is returned).
    case enqueued(OutboxEnqueued)
    /// Its key was in the outbox before the call: not rendered again, nothing stored.
    case alreadyQueued
    /// Its template does not render (unknown template, no such part in any locale of the chain): nothing stored
    /// for it; the rest of the batch is.
    case notRendered(TemplateError)
    /// Rendered, but not a message any engine would store (`OutboxMessage.validate()`): nothing stored for it.
    case invalid(OutboxStoreError)
}
