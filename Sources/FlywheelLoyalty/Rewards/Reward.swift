/// An entry of the rewards catalogue: what it gives, what it costs in points, and its conditions.
public struct Reward: Hashable, Sendable, Codable, Identifiable {
    /// A stable id, unique in the programme (kept across versions so redemptions can refer to it).
    public var id: String
    /// The name customers see.
    public var name: String
    /// What the reward gives.
    public var kind: RewardKind
    /// Its price in points; positive.
    public var costPoints: Int64
    /// The smallest order (minor units) the code may be used on; `nil` for any order.
    public var minimumOrderMinor: Int64?
    /// Limits per customer (per period and/or lifetime); all must hold.
    public var limits: [RewardLimit]
    /// The pattern of the discount codes it issues: `#` a digit, `X` a letter (no I or O), anything else as
    /// written. Default `FLY-####-XXXX`.
    public var codePattern: String
    /// How many days an issued code stays usable; `nil` for no end.
    public var validDays: Int?

    /// A reward; see the properties.
    public init(
        id: String, name: String, kind: RewardKind, costPoints: Int64, minimumOrderMinor: Int64? = nil,
        limits: [RewardLimit] = [], codePattern: String = Reward.defaultCodePattern, validDays: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.costPoints = costPoints
        self.minimumOrderMinor = minimumOrderMinor
        self.limits = limits
        self.codePattern = codePattern
        self.validDays = validDays
    }

    /// `FLY-####-XXXX`.
    public static let defaultCodePattern = "FLY-####-XXXX"

    enum CodingKeys: String, CodingKey {
        case id, name, kind
        case costPoints = "cost_points"
        case minimumOrderMinor = "minimum_order_minor"
        case limits
        case codePattern = "code_pattern"
        case validDays = "valid_days"
    }

    /// Reads a catalogue entry; `limits`, `code_pattern`, `minimum_order_minor` and `valid_days` are optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            kind: try c.decode(RewardKind.self, forKey: .kind),
            costPoints: try c.decode(Int64.self, forKey: .costPoints),
            minimumOrderMinor: try c.decodeIfPresent(Int64.self, forKey: .minimumOrderMinor),
            limits: try c.decodeIfPresent([RewardLimit].self, forKey: .limits) ?? [],
            codePattern: try c.decodeIfPresent(String.self, forKey: .codePattern) ?? Reward.defaultCodePattern,
            validDays: try c.decodeIfPresent(Int.self, forKey: .validDays))
    }
}
