public import Foundation

extension Enrolment {
    /// Reacts to an event of this customer: a goal ends the enrolment; the event an `until_event` wait is
    /// for resumes it (and runs on, like `advance`). Anything else, the entry event again, or events from
    /// before the entry return `[]`.
    ///
    /// Events about an order are matched to the entry's order: a wait for `order_delivered` entered by order
    /// A is not resumed by order B's delivery, and the entry order's own `order_placed` is not "ordered again".
    public mutating func handle(
        _ event: FlowEvent, in program: FlowProgram, now: Date, facts: CustomerFacts, policy: ContactPolicy
    ) -> [FlowAction] {
        precondition(program.id == flowID && program.version == flowVersion, "enrolment run on another flow version")
        guard !state.isFinished, event.customerID == customerID, event.occurredAt >= enteredAt,
            event.trigger != entryEvent
        else { return [] }
        let trigger = event.trigger
        let entryOrder = entryEvent.orderID
        var actions: [FlowAction] = []
        for (index, goal) in program.definition.goals.enumerated() where goal.event == trigger.kind {
            if trigger.kind == entryEvent.kind, let entryOrder, trigger.orderID == entryOrder { continue }
            if goal.filters.allSatisfy({ facts.satisfies($0, event: trigger, now: now) }) {
                finish(.goalReached(goal: index, event: trigger.kind), now: now, actions: &actions)
                return actions
            }
        }
        guard case .waitingForEvent = state, case .waitForEvent(let wait, let onEvent, _) = program.steps[stepIndex],
            wait.event == trigger.kind
        else { return [] }
        if let entryOrder, let eventOrder = trigger.orderID, eventOrder != entryOrder { return [] }
        guard wait.filters.allSatisfy({ facts.satisfies($0, event: trigger, now: now) }) else { return [] }
        lastEvent = trigger
        history.append(EnrolmentRecord(at: now, step: stepIndex, outcome: .resumed(by: trigger.kind)))
        guard move(to: onEvent, now: now, actions: &actions) else { return actions }
        run(program, now: now, facts: facts, policy: policy, actions: &actions)
        return actions
    }

    /// Ends the enrolment from outside (flow switched off, customer erased).
    public mutating func cancel(_ why: String, now: Date) -> [FlowAction] {
        guard !state.isFinished else { return [] }
        var actions: [FlowAction] = []
        finish(.cancelled(why), now: now, actions: &actions)
        return actions
    }
}
