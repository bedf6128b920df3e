public import Foundation

/// A challenge with progress: reach `goalOrders` orders (and/or `goalSpendMinor` spend) between `start` and
/// `end` to earn `points`. With a `segment`, it is a personalised offer for the customers the caller puts in
/// that segment (Starbucks-style "order 3 times this week for 50 bonus stars").
public struct Challenge: Hashable, Sendable, Codable, Identifiable {
    /// A stable id.
    public var id: String
    /// The name customers see.
    public var name: String
    /// Start (inclusive), a UTC instant.
    public var start: Date
    /// End (exclusive), a UTC instant.
    public var end: Date
    /// Orders needed in the window; 0 for no order goal.
    public var goalOrders: Int
    /// Spend needed in the window (minor units); 0 for no spend goal.
    public var goalSpendMinor: Int64
    /// Points awarded on completion.
    public var points: Int64
    /// The segment it is offered to; `nil` for everyone.
    public var segment: String?

    /// A challenge; see the properties.
    public init(
        id: String, name: String, start: Date, end: Date, goalOrders: Int = 0, goalSpendMinor: Int64 = 0,
        points: Int64, segment: String? = nil
    ) {
        self.id = id
        self.name = name
        self.start = start
        self.end = end
        self.goalOrders = goalOrders
        self.goalSpendMinor = goalSpendMinor
        self.points = points
        self.segment = segment
    }

    enum CodingKeys: String, CodingKey {
        case id, name, start, end
        case goalOrders = "goal_orders"
        case goalSpendMinor = "goal_spend_minor"
        case points, segment
    }

    /// The goals and `segment` are optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            start: try c.decode(Date.self, forKey: .start), end: try c.decode(Date.self, forKey: .end),
            goalOrders: try c.decodeIfPresent(Int.self, forKey: .goalOrders) ?? 0,
            goalSpendMinor: try c.decodeIfPresent(Int64.self, forKey: .goalSpendMinor) ?? 0,
            points: try c.decode(Int64.self, forKey: .points),
            segment: try c.decodeIfPresent(String.self, forKey: .segment))
    }
}
