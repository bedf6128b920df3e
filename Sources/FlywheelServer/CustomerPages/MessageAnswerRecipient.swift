public import Foundation

/// Hears the answers customers give through answer links (`/c/answer`): the flow runtime passes each to the
/// customer's running enrolments as a `message_answered` event (the delivery check-in's "no" opens a
/// make-it-right ticket). Handling the same answer twice must do nothing more.
public protocol MessageAnswerRecipient: Sendable {
    func answered(customerID: String, answer: MessageAnswer, at: Date) async throws
}
