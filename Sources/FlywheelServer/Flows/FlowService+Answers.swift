import FlywheelCore
import FlywheelFlows
public import Foundation

extension FlowService: MessageAnswerRecipient {
    /// A customer's answer through an answer link (`/c/answer`) goes to their running enrolments as a
    /// `message_answered` event: the delivery check-in waits for it and decides on `event.answer` (a "no"
    /// opens the make-it-right ticket). Flows may also start on it (`enter`, keyed by order and answer, so a
    /// second click enters nothing again). Given twice, `handle` finds the wait already resumed.
    public func answered(customerID: String, answer: MessageAnswer, at: Date) async throws {
        let event = FlowEvent(
            customerID: customerID, occurredAt: at,
            trigger: .messageAnswered(orderID: answer.orderID, answer: answer.answer))
        try await scheduler.handle(event, now: at)
        _ = await enter(
            DetectedEvent(event: event, key: "message_answered/" + (answer.orderID ?? "-") + "/" + answer.answer), now: at)
    }
}
