import FlywheelCore
import Foundation

extension FlowDefinition {
    /// Every problem of the definition (empty when it is valid). With a catalogue, each send step's template
    /// must exist for its channel in every locale of the flow.
    public func problems(catalogue: TemplateCatalogue? = nil) -> [FlowProblem] {
        var found = ProblemList()
        checkHeader(&found)
        checkPattern(trigger, key: "trigger", step: nil, into: &found)
        for (index, goal) in goals.enumerated() { checkPattern(goal, key: "goals[\(index)]", step: nil, into: &found) }
        guard !steps.isEmpty else {
            found.add(nil, "steps", "a flow needs at least one step")
            return found.items
        }
        var indexOfID: [String: Int] = [:]
        for (index, step) in steps.enumerated() {
            let label = FlowProblem.stepLabel(index, step.id)
            if !FlowDefinition.isIdentifier(step.id) {
                found.add(label, "id", "must be 1–64 characters of a–z, 0–9 and _")
            }
            if let first = indexOfID[step.id] {
                found.add(label, "id", "duplicate; steps[\(first)] has the same id")
            } else {
                indexOfID[step.id] = index
            }
        }
        let eventKinds =
            [trigger.event]
            + steps.compactMap { step -> TriggerKind? in
                if case .wait(.untilEvent(let wait)) = step.kind { return wait.event }
                return nil
            }
        for (index, step) in steps.enumerated() {
            checkStep(
                step, label: FlowProblem.stepLabel(index, step.id), ids: indexOfID, eventKinds: eventKinds,
                catalogue: catalogue, into: &found)
        }
        checkGraph(indexOfID: indexOfID, into: &found)
        return found.items
    }

    /// Throws a `FlowValidationError` listing every problem, if any.
    public func validate(catalogue: TemplateCatalogue? = nil) throws(FlowValidationError) {
        let list = problems(catalogue: catalogue)
        if !list.isEmpty { throw FlowValidationError(flow: "\(id) v\(version)", problems: list) }
    }

    static func isIdentifier(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
    }

    private func checkHeader(_ found: inout ProblemList) {
        if !FlowDefinition.isIdentifier(id) { found.add(nil, "id", "must be 1–64 characters of a–z, 0–9 and _") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { found.add(nil, "name", "must not be empty") }
        if version < 1 { found.add(nil, "version", "must be 1 or more") }
        if !(0...100).contains(priority) { found.add(nil, "priority", "must be 0…100") }
        if expectedValueMinor < 0 { found.add(nil, "expected_value_minor", "must not be negative") }
        if !(holdoutPercent >= 0 && holdoutPercent < 100) {
            found.add(nil, "holdout_percent", "must be at least 0 and below 100")
        } else if holdoutPercent > 0 && messageClass == .transactional {
            found.add(
                nil, "holdout_percent", "must be 0 for a transactional flow: its messages are owed to the customer")
        }
        if case .oncePer(let days) = reentry, days < 1 { found.add(nil, "reentry.days", "must be 1 or more") }
        if locales.isEmpty { found.add(nil, "locales", "must name at least one locale") }
        if Set(locales).count != locales.count { found.add(nil, "locales", "lists a locale twice") }
    }

    private func checkPattern(_ pattern: EventPattern, key: String, step: String?, into found: inout ProblemList) {
        if let after = pattern.after {
            if key != "trigger" || pattern.event != .cartAbandoned {
                found.add(step, "\(key).after", "only a cart_abandoned trigger waits before it fires")
            } else if after < .minutes(5) || after > .days(7) {
                found.add(step, "\(key).after", "must be at least PT5M and at most P7D")
            }
        }
        for (index, filter) in pattern.filters.enumerated() {
            checkCondition(
                filter, key: "\(key).filters[\(index)]", step: step, eventKinds: [pattern.event], into: &found)
        }
    }

    func checkCondition(
        _ condition: Condition, key: String, step: String?, eventKinds: [TriggerKind], into found: inout ProblemList
    ) {
        switch condition {
        case .all(let items), .any(let items):
            let name = if case .all = condition { "all" } else { "any" }
            if items.isEmpty { found.add(step, "\(key).\(name)", "must list at least one condition") }
            for (index, item) in items.enumerated() {
                checkCondition(item, key: "\(key).\(name)[\(index)]", step: step, eventKinds: eventKinds, into: &found)
            }
        case .not(let inner):
            checkCondition(inner, key: "\(key).not", step: step, eventKinds: eventKinds, into: &found)
        case .compare(let fact, let op, let value):
            if case .event(let attribute) = fact, !eventKinds.contains(where: { $0.attributes.contains(attribute) }) {
                found.add(
                    step, "\(key).fact",
                    "event.\(attribute.rawValue) is not carried by \(eventKinds.map(\.rawValue).joined(separator: " or "))"
                )
            }
            switch (op, value) {
            case (.exists, nil): break
            case (.exists, _?): found.add(step, "\(key).value", "exists takes no value")
            case (_, nil): found.add(step, "\(key).value", "\(op.rawValue) needs a value")
            case (.in, .list(let items)?), (.notIn, .list(let items)?):
                if items.isEmpty { found.add(step, "\(key).value", "must list at least one value") }
            case (.in, _?), (.notIn, _?): found.add(step, "\(key).value", "\(op.rawValue) needs a list")
            case (.gt, let v?), (.gte, let v?), (.lt, let v?), (.lte, let v?):
                if v.number == nil { found.add(step, "\(key).value", "\(op.rawValue) needs a number") }
            case (.contains, let v?):
                if fact != .tags && fact != .segments && !isAttribute(fact) {
                    found.add(step, "\(key).op", "contains works on tags, segments or attributes")
                }
                if case .list = v { found.add(step, "\(key).value", "contains needs one value, not a list") }
            case (.eq, .list?), (.ne, .list?): found.add(step, "\(key).value", "\(op.rawValue) needs one value; use in")
            default: break
            }
        }
    }

    private func isAttribute(_ fact: FactKey) -> Bool {
        if case .attribute = fact { return true }
        return false
    }
}

/// Problems in the order they were found.
struct ProblemList {
    var items: [FlowProblem] = []

    mutating func add(_ step: String?, _ key: String, _ reason: String) {
        items.append(FlowProblem(step: step, key: key, reason: reason))
    }
}
