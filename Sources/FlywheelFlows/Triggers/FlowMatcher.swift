import Foundation

/// Decides which flows an event enters, from their triggers, entry filters and re-entry rules.
///
/// Programs are indexed by trigger kind, so an event only looks at the flows it can start.
public struct FlowMatcher: Sendable {
    private let byKind: [TriggerKind: [FlowProgram]]

    /// One program per flow id (the current versions of the switched-on flows).
    public init(programs: [FlowProgram]) {
        var index: [TriggerKind: [FlowProgram]] = [:]
        for program in programs.sorted(by: { $0.id < $1.id }) {
            index[program.definition.trigger.event, default: []].append(program)
        }
        byKind = index
    }

    /// A decision for each flow whose trigger kind is the event's, in flow id order.
    public func decisions(for event: FlowEvent, facts: CustomerFacts, history: EntryHistory) -> [EntryDecision] {
        guard let candidates = byKind[event.trigger.kind] else { return [] }
        return candidates.map { program in
            if let refusal = refusal(program, event: event, facts: facts, history: history) {
                return .refused(flowID: program.id, refusal)
            }
            return .enter(program)
        }
    }

    /// Just the programs to enter.
    public func entries(for event: FlowEvent, facts: CustomerFacts, history: EntryHistory) -> [FlowProgram] {
        decisions(for: event, facts: facts, history: history).compactMap {
            if case .enter(let program) = $0 { return program }
            return nil
        }
    }

    private func refusal(_ program: FlowProgram, event: FlowEvent, facts: CustomerFacts, history: EntryHistory)
        -> EntryRefusal?
    {
        let definition = program.definition
        for (index, filter) in definition.trigger.filters.enumerated()
        where !facts.satisfies(filter, event: event.trigger, now: event.occurredAt) {
            return .filter(index)
        }
        let last = history.lastEntry[definition.id]
        switch definition.reentry {
        case .everyTime:
            return nil
        case .notWhileActive:
            return history.active.contains(definition.id) ? .alreadyActive : nil
        case .onceEver:
            return last.map(EntryRefusal.enteredBefore)
        case .oncePer(let days):
            if history.active.contains(definition.id) { return .alreadyActive }
            if let last, event.occurredAt.timeIntervalSince(last) < TimeInterval(days * 86_400) {
                return .tooSoon(lastEntry: last, days: days)
            }
            return nil
        }
    }
}
