/// A badge or milestone: awarded once per customer when its trigger is reached, with optional points.
public struct Badge: Hashable, Sendable, Codable, Identifiable {
    /// A stable id, e.g. `fifth_order`.
    public var id: String
    /// The name customers see.
    public var name: String
    /// What earns it.
    public var trigger: BadgeTrigger
    /// Bonus points awarded with it; 0 for none.
    public var points: Int64

    /// A badge; see the properties.
    public init(id: String, name: String, trigger: BadgeTrigger, points: Int64 = 0) {
        self.id = id
        self.name = name
        self.trigger = trigger
        self.points = points
    }

    enum CodingKeys: String, CodingKey {
        case id, name, trigger, points
    }

    /// `points` defaults to 0.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            trigger: try c.decode(BadgeTrigger.self, forKey: .trigger),
            points: try c.decodeIfPresent(Int64.self, forKey: .points) ?? 0)
    }
}
