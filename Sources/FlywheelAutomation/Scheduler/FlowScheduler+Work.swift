import FlywheelCore
import FlywheelFlows
import Foundation

extension FlowScheduler {
    /// One enrolment being worked in a round.
    private struct Item {
        var row: StoredEnrolment
        var enrolment: Enrolment
        let program: FlowProgram
        let historyBefore: Int
        var actions: [FlowAction] = []
    }

    /// Works leased rows: `step` runs each enrolment (advance or handle), the arbiter judges the batch's
    /// messages, the effects get the outward actions, then the new states and timeline entries are stored
    /// (only where the lease held).
    func work(
        _ rows: [StoredEnrolment], now: Date, library: FlowLibrary, known: [String: CustomerFacts] = [:],
        step: (inout Enrolment, FlowProgram, CustomerFacts) -> [FlowAction]
    ) async throws -> FlowRunReport {
        var report = FlowRunReport()
        report.enrolments = rows.count
        guard !rows.isEmpty else { return report }
        var items: [Item] = []
        items.reserveCapacity(rows.count)
        var parked: [EnrolmentCompletion] = []
        for row in rows {
            guard let enrolment = try? Enrolment(snapshot: row.state),
                let program = library.program(row.flowID, version: row.flowVersion)
            else {
                // Unreadable here (a newer build's state, or a flow version this instance was not given):
                // put it back untouched for an instance that can, and look again after the retry delay.
                parked.append(
                    EnrolmentCompletion(
                        id: row.id, state: row.state, dueAt: now.addingTimeInterval(configuration.retryDelay),
                        status: .active, succeeded: false))
                continue
            }
            // A new enrolment's only line is its entry, which goes on the timeline with its first step.
            let written = enrolment.history.count == 1 ? 0 : enrolment.history.count
            items.append(Item(row: row, enrolment: enrolment, program: program, historyBefore: written))
        }
        report.parked = parked.count

        var customerFacts = known
        let missing = Set(items.map(\.row.customerID)).subtracting(known.keys)
        if !missing.isEmpty {
            customerFacts.merge(try await facts.facts(for: missing, now: now)) { first, _ in first }
        }
        var messages: [OutgoingMessage] = []
        for index in items.indices {
            let facts = customerFacts[items[index].row.customerID] ?? CustomerFacts()
            items[index].actions = step(&items[index].enrolment, items[index].program, facts)
            for case .send(let message) in items[index].actions { messages.append(message) }
        }

        var heldBack: [String: String] = [:]
        if messages.count > 1 {
            for case .heldBack(let message, .heldBack(let winner)) in MessageArbiter(window: configuration.arbiterWindow)
                .arbitrate(messages)
            {
                heldBack[message.idempotencyKey] = winner
            }
        }

        var batch: [EnrolmentEffects] = []
        for item in items {
            var outward: [FlowAction] = []
            for action in item.actions {
                switch action {
                case .send(let message):
                    if heldBack[message.idempotencyKey] == nil {
                        outward.append(action)
                        report.sent += 1
                    } else {
                        report.heldBack += 1
                    }
                case .givePoints, .issueCoupon, .tagCustomer, .openTicket, .callWebhook:
                    outward.append(action)
                    report.performed += 1
                case .schedule, .skip, .exit:
                    continue
                }
            }
            if !outward.isEmpty { batch.append(EnrolmentEffects(enrolment: item.row, actions: outward)) }
        }

        var completions = parked
        do {
            if !batch.isEmpty { try await effects.perform(batch) }
        } catch {
            report.sent = 0
            report.heldBack = 0
            report.performed = 0
            report.failed = items.count
            completions += items.map { failed($0, now: now, error: error) }
            report.lostLeases = try await store.complete(completions, owner: configuration.owner, now: now).count
            report.finished = completions.count { $0.status == .finished }
            return report
        }

        for item in items {
            let enrolment = item.enrolment
            let finished = enrolment.state.isFinished
            if finished { report.finished += 1 }
            completions.append(
                EnrolmentCompletion(
                    id: item.row.id, state: enrolment.snapshot(),
                    dueAt: finished ? nil : (enrolment.state == .ready ? now : enrolment.dueAt),
                    status: finished ? .finished : .active,
                    timeline: EnrolmentTimeline.entries(
                        of: enrolment, from: item.historyBefore, program: item.program, heldBack: heldBack)))
        }
        report.lostLeases = try await store.complete(completions, owner: configuration.owner, now: now).count
        return report
    }

    /// The effects failed: the stored state stays as it was (the step runs again, with the same keys) after
    /// a backoff; after `maxAttempts` claims the enrolment is ended and the timeline says why.
    private func failed(_ item: Item, now: Date, error: any Error) -> EnrolmentCompletion {
        let attempts = item.row.attempts
        guard attempts >= configuration.maxAttempts,
            var original = try? Enrolment(snapshot: item.row.state)
        else {
            return EnrolmentCompletion(
                id: item.row.id, state: item.row.state, dueAt: now.addingTimeInterval(configuration.backoff(attempt: attempts)),
                status: .active, succeeded: false)
        }
        let before = original.history.count
        _ = original.cancel("effects failed \(attempts) times", now: now)
        return EnrolmentCompletion(
            id: item.row.id, state: original.snapshot(), dueAt: nil, status: .finished, succeeded: false,
            timeline: EnrolmentTimeline.entries(of: original, from: before, program: item.program, heldBack: [:]))
    }
}
