/// One tier: the activity needed to enter it and to keep it, and its perks.
public struct Tier: Hashable, Sendable, Codable, Identifiable {
    /// A stable id, e.g. `gold`.
    public var id: String
    /// The name customers see, e.g. `Gold`.
    public var name: String
    /// Activity in a period (in the settings' qualifying unit) that lifts a customer into the tier at once.
    public var entryThreshold: Int64
    /// Activity in a period that keeps a member in the tier at the period's end; at most the entry threshold.
    public var retentionThreshold: Int64
    /// What members get.
    public var perks: TierPerks

    /// A tier; retention defaults to the entry threshold.
    public init(
        id: String, name: String, entryThreshold: Int64, retentionThreshold: Int64? = nil,
        perks: TierPerks = TierPerks()
    ) {
        self.id = id
        self.name = name
        self.entryThreshold = entryThreshold
        self.retentionThreshold = retentionThreshold ?? entryThreshold
        self.perks = perks
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case entryThreshold = "entry_threshold"
        case retentionThreshold = "retention_threshold"
        case perks
    }

    /// `retention_threshold` and `perks` are optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            entryThreshold: try c.decode(Int64.self, forKey: .entryThreshold),
            retentionThreshold: try c.decodeIfPresent(Int64.self, forKey: .retentionThreshold),
            perks: try c.decodeIfPresent(TierPerks.self, forKey: .perks) ?? TierPerks())
    }
}
