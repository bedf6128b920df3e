/// Sends double opt-in confirmation messages. The server hands each pending e-mail opt-in to one; the
/// outbox implements it (a transactional message: the customer asked for it), tests record what they get.
public protocol ConfirmationSender: Sendable {
    /// Queues the confirmation message; throws when it could not be queued (the opt-in stays pending).
    func sendConfirmation(_ confirmation: OptInConfirmation) async throws
}
