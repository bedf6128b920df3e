/// Which customers a figure is computed over, judged as of the query's instant.
public enum CustomerFilter: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Every customer.
    case all
    /// Customers in a lifecycle stage.
    case lifecycle(LifecycleStage)
    /// Buyers in a named RFM segment.
    case rfm(RFMSegment)
    /// VIPs under the engine's VIP rule.
    case vip
    /// Members of a saved segment (by name).
    case saved(String)
    /// Customers a rule matches.
    case rule(SegmentRule)

    /// `all`, `lifecycle: lapsing`, `rfm: At Risk`, `vip`, `saved: win-back`, `rule: all(…)`.
    public var description: String {
        switch self {
        case .all: "all"
        case .lifecycle(let stage): "lifecycle: \(stage.rawValue)"
        case .rfm(let segment): "rfm: \(segment)"
        case .vip: "vip"
        case .saved(let name): "saved: \(name)"
        case .rule(let rule): "rule: \(rule)"
        }
    }
}
