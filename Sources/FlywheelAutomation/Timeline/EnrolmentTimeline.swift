import FlywheelCore
import FlywheelFlows
import Foundation

/// Turns the lines an enrolment added to its history into customer timeline entries.
///
/// Each entry's key is the enrolment id and the index of its history line (`enr_1#3`), so the same step
/// repeated after a crash writes the same keys and the store keeps one of each. Branches and split variants
/// stay in the enrolment's own history; the timeline says what reached (or did not reach) the customer.
enum EnrolmentTimeline {
    static func entries(
        of enrolment: Enrolment, from start: Int, program: FlowProgram, heldBack: [String: String]
    ) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        let history = enrolment.history
        guard start < history.count else { return [] }
        for index in max(start, 0)..<history.count {
            let record = history[index]
            let stepID = record.step >= 0 && record.step < program.definition.steps.count
                ? program.stepID(record.step) : nil
            func entry(_ kind: TimelineEntry.Kind, detail: String?, messageID: String? = nil, suffix: String = "")
                -> TimelineEntry
            {
                TimelineEntry(
                    key: enrolment.id + "#" + String(index) + suffix, customerID: enrolment.customerID, at: record.at,
                    kind: kind, flowID: enrolment.flowID, flowVersion: enrolment.flowVersion, enrolmentID: enrolment.id,
                    stepID: stepID, messageID: messageID, detail: detail)
            }
            switch record.outcome {
            case .entered(let holdout):
                entries.append(entry(.entered, detail: holdout ? "holdout group" : nil))
            case .waiting(let until):
                entries.append(entry(.waiting, detail: "until " + until.formatted(.iso8601)))
            case .resumed(let kind):
                entries.append(entry(.resumed, detail: kind.rawValue))
            case .branched, .variant:
                continue
            case .sent(let channel, let basis):
                // The message's id is its idempotency key, made when this line was the next one.
                let messageID = enrolment.id + "/" + (stepID ?? "") + "/" + String(index)
                entries.append(entry(.sent, detail: channel.rawValue + ", " + basis.rawValue, messageID: messageID))
                if let winner = heldBack[messageID] {
                    entries.append(
                        entry(
                            .heldBack, detail: SkipReason.heldBack(byFlow: winner).description, messageID: messageID,
                            suffix: "#held"))
                }
            case .postponed(let until, let reason):
                entries.append(entry(.postponed, detail: reason.description + "; until " + until.formatted(.iso8601)))
            case .skipped(let reason):
                entries.append(entry(.skipped, detail: reason.description))
            case .performed:
                entries.append(entry(.performed, detail: nil))
            case .exited(let reason):
                if case .goalReached = reason {
                    entries.append(entry(.goalReached, detail: reason.description))
                } else {
                    entries.append(entry(.exited, detail: reason.description))
                }
            }
        }
        return entries
    }
}
