import FlywheelFlows

/// What the switched-on flows ask of the sweep beyond dates — each costs a pass over the shop, so the sweep
/// does it only when a flow needs it: value ranks (`vip_reached` flows), a fitted BG/NBD model (`lapsed` flows
/// that compare `p_alive`), the loyalty programme's tier moves (`tier_changed` flows).
struct FlowTriggerNeeds: Hashable, Sendable {
    /// VIP: the largest top share the `vip_reached` flows admit (their `event.rank_percent` filter's bound,
    /// else the standard 5 %); `nil` without such a flow.
    var vipPercent: Double?
    /// Lapse by probability alive: the largest threshold the `lapsed` flows compare `p_alive` with (`lt` /
    /// `lte`; `event.lapse_reason = p_alive` alone takes `defaultPAlive`); `nil` without such a flow.
    var pAliveThreshold: Double?
    /// The `lapsed` flows that ask for lapses by probability alive: only they get those events (a win-back on the
    /// learned window keeps its moment).
    var pAliveFlows: Set<String> = []
    /// Some flow starts on `tier_changed`.
    var tierChanges: Bool

    static let standardVIPPercent = 5.0

    init(programs: [FlowProgram], defaultPAlive: Double) {
        var vip: Double?
        var pAlive: Double?
        var tiers = false
        for program in programs {
            let filters = program.definition.trigger.filters
            switch program.definition.trigger.event {
            case .vipReached:
                let bound = Self.upperBounds(of: .event(.rankPercent), in: filters).max() ?? Self.standardVIPPercent
                vip = max(vip ?? 0, bound)
            case .lapsed:
                let bounds = Self.upperBounds(of: .pAlive, in: filters)
                let asksByReason = Self.mentions(.event(.lapseReason), equalTo: .string(LapseReason.pAlive.rawValue), in: filters)
                if let bound = bounds.max() {
                    pAlive = max(pAlive ?? 0, bound)
                    pAliveFlows.insert(program.id)
                } else if asksByReason {
                    pAlive = max(pAlive ?? 0, defaultPAlive)
                    pAliveFlows.insert(program.id)
                }
            case .tierChanged:
                tiers = true
            default:
                break
            }
        }
        vipPercent = vip
        pAliveThreshold = pAlive
        tierChanges = tiers
    }

    /// The numbers `fact` is compared with by `lt`, `lte` or `eq` anywhere in `conditions` (outside `not`).
    static func upperBounds(of fact: FactKey, in conditions: [Condition]) -> [Double] {
        conditions.flatMap { condition -> [Double] in
            switch condition {
            case .compare(let key, let op, let value) where key == fact && [.lt, .lte, .eq].contains(op):
                switch value {
                case .int(let v): return [Double(v)]
                case .double(let v): return [v]
                default: return []
                }
            case .all(let inner), .any(let inner): return upperBounds(of: fact, in: inner)
            default: return []
            }
        }
    }

    /// Whether `fact` is compared `eq` with `value` anywhere in `conditions` (outside `not`).
    static func mentions(_ fact: FactKey, equalTo value: FactValue, in conditions: [Condition]) -> Bool {
        conditions.contains { condition in
            switch condition {
            case .compare(let key, .eq, let compared): key == fact && compared == value
            case .all(let inner), .any(let inner): mentions(fact, equalTo: value, in: inner)
            default: false
            }
        }
    }
}
