extension CustomerFilter {
    private enum CodingKeys: String, CodingKey {
        case kind
        case value
        case rule
    }

    private enum Kind: String, Codable {
        case all
        case lifecycle
        case rfm
        case vip
        case saved
        case rule
    }

    /// Reads `{"kind":"all"}`, `{"kind":"lifecycle","value":"lapsing"}`, `{"kind":"rfm","value":"at_risk"}`,
    /// `{"kind":"vip"}`, `{"kind":"saved","value":"win-back"}`, `{"kind":"rule","rule":{…}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .all: self = .all
        case .lifecycle: self = .lifecycle(try container.decode(LifecycleStage.self, forKey: .value))
        case .rfm: self = .rfm(try container.decode(RFMSegment.self, forKey: .value))
        case .vip: self = .vip
        case .saved: self = .saved(try container.decode(String.self, forKey: .value))
        case .rule: self = .rule(try container.decode(SegmentRule.self, forKey: .rule))
        }
    }

    /// Writes the forms `init(from:)` reads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .all: try container.encode(Kind.all, forKey: .kind)
        case .lifecycle(let stage):
            try container.encode(Kind.lifecycle, forKey: .kind)
            try container.encode(stage, forKey: .value)
        case .rfm(let segment):
            try container.encode(Kind.rfm, forKey: .kind)
            try container.encode(segment, forKey: .value)
        case .vip: try container.encode(Kind.vip, forKey: .kind)
        case .saved(let name):
            try container.encode(Kind.saved, forKey: .kind)
            try container.encode(name, forKey: .value)
        case .rule(let rule):
            try container.encode(Kind.rule, forKey: .kind)
            try container.encode(rule, forKey: .rule)
        }
    }
}
