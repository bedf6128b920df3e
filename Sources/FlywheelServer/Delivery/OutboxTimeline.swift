import FlywheelCore
import Foundation

/// Timeline entries about an outbox message of a flow, on the enrolment that sent it (its idempotency key is
/// `enrolmentID/stepID/historyCount`; the entry needs the enrolment's flow version).
enum OutboxTimeline {
    /// An entry about `message` keyed `idempotencyKey#suffix`, or `nil` for a message no flow sent (an opt-in
    /// confirmation) or whose enrolment is not stored.
    static func entry(
        _ kind: TimelineEntry.Kind, about message: OutboxMessage, suffix: String, detail: String, at: Date,
        store: any FlowScheduleStore
    ) async throws -> TimelineEntry? {
        guard let flowID = message.flowID,
            let enrolmentID = message.idempotencyKey.split(separator: "/").first.map(String.init),
            let enrolment = try await store.enrolment(id: enrolmentID)
        else { return nil }
        return TimelineEntry(
            key: message.idempotencyKey + "#" + suffix, customerID: message.customerID, at: at, kind: kind, flowID: flowID,
            flowVersion: enrolment.flowVersion, enrolmentID: enrolmentID, stepID: message.stepID,
            messageID: message.idempotencyKey, detail: message.channel.rawValue + " " + detail)
    }
}
