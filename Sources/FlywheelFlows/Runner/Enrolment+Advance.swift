import FlywheelCore
public import Foundation

extension Enrolment {
    /// Runs the enrolment as far as it can go at `now` and returns what the caller must do.
    ///
    /// Does nothing (returns `[]`) before `dueAt` or after the end. `program` must be the enrolment's own
    /// flow version.
    public mutating func advance(
        in program: FlowProgram, now: Date, facts: CustomerFacts, policy: ContactPolicy
    ) -> [FlowAction] {
        precondition(program.id == flowID && program.version == flowVersion, "enrolment run on another flow version")
        var actions: [FlowAction] = []
        switch state {
        case .finished:
            return []
        case .ready:
            break
        case .waiting(let until):
            guard now >= until else { return [] }
            guard case .wait(_, let next) = program.steps[stepIndex] else {
                preconditionFailure("waiting off a wait step")
            }
            guard move(to: next, now: now, actions: &actions) else { return actions }
        case .waitingForEvent(let timeout):
            guard now >= timeout else { return [] }
            guard case .waitForEvent(_, _, let onTimeout) = program.steps[stepIndex] else {
                preconditionFailure("waiting for an event off an until_event step")
            }
            guard let onTimeout else {
                finish(.eventTimeout(stepID: program.stepID(stepIndex)), now: now, actions: &actions)
                return actions
            }
            stepIndex = onTimeout
            state = .ready
        case .postponed(let until):
            guard now >= until else { return [] }
            state = .ready
        }
        run(program, now: now, facts: facts, policy: policy, actions: &actions)
        return actions
    }

    /// Runs steps from the current one until the enrolment waits or ends.
    mutating func run(
        _ program: FlowProgram, now: Date, facts: CustomerFacts, policy: ContactPolicy, actions: inout [FlowAction]
    ) {
        var budget = Enrolment.stepsPerAdvance
        while case .ready = state {
            guard budget > 0 else {
                finish(.stepLimit, now: now, actions: &actions)
                return
            }
            budget -= 1
            let here = stepIndex
            switch program.steps[here] {
            case .wait(let spec, let next):
                switch dueTime(of: spec, stepIndex: here, program: program, now: now, facts: facts, policy: policy) {
                case .at(let due) where due > now:
                    state = .waiting(until: due)
                    history.append(EnrolmentRecord(at: now, step: here, outcome: .waiting(until: due)))
                    actions.append(.schedule(at: due, .wait))
                case .at:
                    guard move(to: next, now: now, actions: &actions) else { return }
                case .missing(let field):
                    finish(.missingDate(stepID: program.stepID(here), field), now: now, actions: &actions)
                }
            case .waitForEvent(let wait, _, _):
                let timeout = now.addingTimeInterval(TimeInterval(wait.timeout.seconds))
                state = .waitingForEvent(timeout: timeout)
                history.append(EnrolmentRecord(at: now, step: here, outcome: .waiting(until: timeout)))
                actions.append(.schedule(at: timeout, .eventTimeout))
            case .condition(let condition, let then, let otherwise):
                let holds = facts.satisfies(condition, event: lastEvent, now: now)
                history.append(EnrolmentRecord(at: now, step: here, outcome: .branched(taken: holds)))
                guard move(to: holds ? then : otherwise, now: now, actions: &actions) else { return }
            case .split(let names, let cumulative, let next):
                let chosen = StableAssignment.variant(
                    flowID: flowID, customerID: customerID, stepID: program.stepID(here), cumulativeWeights: cumulative)
                variant = names[chosen]
                history.append(EnrolmentRecord(at: now, step: here, outcome: .variant(names[chosen])))
                guard move(to: next[chosen], now: now, actions: &actions) else { return }
            case .send(let message, let next):
                guard send(message, program: program, now: now, facts: facts, policy: policy, actions: &actions) else {
                    return
                }
                guard move(to: next, now: now, actions: &actions) else { return }
            case .effect(let kind, let next):
                perform(kind, program: program, now: now, actions: &actions)
                guard move(to: next, now: now, actions: &actions) else { return }
            }
        }
    }

    /// Sends, skips or postpones; `false` when postponed (the enrolment stays on the step).
    private mutating func send(
        _ message: CompiledMessage, program: FlowProgram, now: Date, facts: CustomerFacts, policy: ContactPolicy,
        actions: inout [FlowAction]
    ) -> Bool {
        let here = stepIndex
        if holdout {
            skip(.holdout, program: program, now: now, actions: &actions)
            return true
        }
        let intent = MessageIntent(
            channel: message.spec.channel, messageClass: message.messageClass,
            ownSimilarGoods: message.spec.ownSimilarGoods, winBack: program.definition.winBack)
        switch policy.decide(
            intent, contact: facts.contact, orderInTransit: facts.orderInTransit, customerTimeZone: facts.timeZone,
            now: now)
        {
        case .send(let basis):
            let definition = program.definition
            let locale = facts.locale.flatMap { definition.locales.contains($0) ? $0 : nil } ?? definition.locales[0]
            let stepID = program.stepID(here)
            actions.append(
                .send(
                    OutgoingMessage(
                        idempotencyKey: effectKey(stepID), customerID: customerID, flowID: flowID,
                        flowVersion: flowVersion, stepID: stepID, channel: message.spec.channel,
                        template: message.spec.template, locale: locale,
                        subject: message.spec.channel == .email ? message.subject(for: locale) : nil,
                        messageClass: message.messageClass, basis: basis, variant: variant,
                        priority: definition.priority, expectedValueMinor: definition.expectedValueMinor,
                        createdAt: now)))
            history.append(EnrolmentRecord(at: now, step: here, outcome: .sent(message.spec.channel, basis)))
            return true
        case .postpone(let until, let reason):
            state = .postponed(until: until)
            history.append(EnrolmentRecord(at: now, step: here, outcome: .postponed(until: until, reason)))
            actions.append(.schedule(at: until, .postponed(reason)))
            return false
        case .skip(let reason):
            skip(reason, program: program, now: now, actions: &actions)
            return true
        }
    }

    private mutating func perform(_ kind: StepKind, program: FlowProgram, now: Date, actions: inout [FlowAction]) {
        let stepID = program.stepID(stepIndex)
        let action: FlowAction
        switch kind {
        case .tagCustomer(let tag):
            action = .tagCustomer(tag, key: effectKey(stepID))
        case _ where holdout:
            skip(.holdout, program: program, now: now, actions: &actions)
            return
        case .givePoints(let spec):
            action = .givePoints(points: spec.points, reason: spec.reason, key: effectKey(stepID))
        case .issueCoupon(let spec): action = .issueCoupon(spec, key: effectKey(stepID))
        case .openTicket(let spec): action = .openTicket(spec, key: effectKey(stepID))
        case .callWebhook(let spec): action = .callWebhook(spec, key: effectKey(stepID))
        default: preconditionFailure("\(kind.key) is not an effect step")
        }
        actions.append(action)
        history.append(EnrolmentRecord(at: now, step: stepIndex, outcome: .performed))
    }

    private mutating func skip(_ reason: SkipReason, program: FlowProgram, now: Date, actions: inout [FlowAction]) {
        history.append(EnrolmentRecord(at: now, step: stepIndex, outcome: .skipped(reason)))
        actions.append(.skip(stepID: program.stepID(stepIndex), reason))
    }

    /// The same for the same stored state: enrolment id, step id and how far the history had got.
    private func effectKey(_ stepID: String) -> String {
        id + "/" + stepID + "/" + String(history.count)
    }

    /// Goes to `next`, or ends the flow when it is `nil`; `false` when the enrolment ended.
    mutating func move(to next: Int?, now: Date, actions: inout [FlowAction]) -> Bool {
        guard let next else {
            finish(.completed, now: now, actions: &actions)
            return false
        }
        stepIndex = next
        state = .ready
        return true
    }

    mutating func finish(_ reason: ExitReason, now: Date, actions: inout [FlowAction]) {
        state = .finished(reason)
        history.append(EnrolmentRecord(at: now, step: stepIndex, outcome: .exited(reason)))
        actions.append(.exit(reason))
    }
}
