public import Foundation

/// An event boost: extra points on orders placed while it applies.
public struct EarningBoost: Hashable, Sendable, Codable {
    /// When a boost applies.
    public enum Window: Hashable, Sendable, Codable {
        /// From `start` (inclusive) to `end` (exclusive), both UTC instants.
        case dates(start: Date, end: Date)
        /// On Saturdays and Sundays in the shop's time zone.
        case weekend
        /// In the customer's birthday month (in the shop's time zone).
        case birthdayMonth
    }

    /// A name the customer sees in the breakdown, e.g. `Double points weekend`.
    public var name: String
    /// When the boost applies.
    public var window: Window
    /// The boost's multiplier (200 = double points).
    public var multiplier: Multiplier

    /// A boost called `name` applying `multiplier` during `window`.
    public init(name: String, window: Window, multiplier: Multiplier) {
        self.name = name
        self.window = window
        self.multiplier = multiplier
    }
}
