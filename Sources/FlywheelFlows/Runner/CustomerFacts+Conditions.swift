public import Foundation

extension CustomerFacts {
    /// The value of a fact, `nil` when unknown. `event` is the event that entered or last resumed the flow.
    public func value(of key: FactKey, event: TriggerEvent?, now: Date) -> FactValue? {
        switch key {
        case .orderCount: return .int(Int64(orderCount))
        case .totalSpent: return .int(totalSpentMinor)
        case .daysSinceLastOrder: return lastOrderAt.map { .int(Int64(now.timeIntervalSince($0) / 86_400)) }
        case .daysSinceFirstOrder: return firstOrderAt.map { .int(Int64(now.timeIntervalSince($0) / 86_400)) }
        case .predictedValue: return predictedValueMinor.map(FactValue.int)
        case .pAlive: return pAlive.map(FactValue.double)
        case .pointsBalance: return .int(Int64(pointsBalance))
        case .tier: return tier.map(FactValue.string)
        case .tags: return .list(tags.sorted().map(FactValue.string))
        case .segments: return .list(segments.sorted().map(FactValue.string))
        case .locale: return locale.map { .string($0.rawValue) }
        case .orderInTransit: return .bool(orderInTransit)
        case .emailConsent: return .string(contact.emailConsent.rawValue)
        case .event(let attribute): return event?.value(of: attribute)
        case .attribute(let name): return attributes[name]
        }
    }

    /// Whether the condition holds. An unknown fact makes a comparison false (`not` turns that around).
    public func satisfies(_ condition: Condition, event: TriggerEvent?, now: Date) -> Bool {
        switch condition {
        case .all(let items): return items.allSatisfy { satisfies($0, event: event, now: now) }
        case .any(let items): return items.contains { satisfies($0, event: event, now: now) }
        case .not(let inner): return !satisfies(inner, event: event, now: now)
        case .compare(let key, let op, let expected):
            // Set membership without building a list.
            if op == .contains, case .string(let wanted)? = expected {
                if key == .tags { return tags.contains(wanted) }
                if key == .segments { return segments.contains(wanted) }
            }
            guard let actual = value(of: key, event: event, now: now) else { return false }
            return CustomerFacts.compare(actual, op, expected)
        }
    }

    static func compare(_ actual: FactValue, _ op: ComparisonOperator, _ expected: FactValue?) -> Bool {
        switch op {
        case .exists: return true
        case .eq: return expected.map(actual.matches) ?? false
        case .ne: return expected.map { !actual.matches($0) } ?? false
        case .gt, .gte, .lt, .lte:
            guard let a = actual.number, let b = expected?.number else { return false }
            switch op {
            case .gt: return a > b
            case .gte: return a >= b
            case .lt: return a < b
            default: return a <= b
            }
        case .in, .notIn:
            guard case .list(let options)? = expected else { return false }
            let found = options.contains { actual.matches($0) }
            return op == .in ? found : !found
        case .contains:
            guard case .list(let items) = actual, let expected else { return false }
            return items.contains { $0.matches(expected) }
        }
    }
}
