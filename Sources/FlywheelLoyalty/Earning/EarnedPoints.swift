/// The points an order earns, with where they came from so the customer can see it.
///
/// `total = base + lineExtras + boostExtras + tierExtra`.
public struct EarnedPoints: Hashable, Sendable {
    /// Extra points from a product (SKU) or category multiplier on one line.
    public struct LineExtra: Hashable, Sendable {
        /// The line's index in `Order.lineItems`.
        public var lineIndex: Int
        /// `sku:<SKU>` or `category:<name>`: the rule that applied.
        public var rule: String
        /// The line's multiplier.
        public var multiplier: Multiplier
        /// The extra points above the base points of the line.
        public var points: Int64
    }

    /// Extra points from an event boost or the tier multiplier.
    public struct BoostExtra: Hashable, Sendable {
        /// The boost's name.
        public var name: String
        /// The boost's multiplier.
        public var multiplier: Multiplier
        /// The extra points it adds.
        public var points: Int64
    }

    /// The order amount (minor units) that earned points: net of discounts, shipping and tax per the rules.
    public var eligibleMinor: Int64
    /// Points per currency unit on `eligibleMinor`, before any multiplier.
    public var base: Int64
    /// Extras from product and category multipliers, per line.
    public var lineExtras: [LineExtra]
    /// Extras from event boosts that applied.
    public var boostExtras: [BoostExtra]
    /// Extra from the customer's tier multiplier (0 at 1×).
    public var tierExtra: Int64

    /// The points to award.
    public var total: Int64 {
        base + lineExtras.reduce(0) { $0 + $1.points } + boostExtras.reduce(0) { $0 + $1.points } + tierExtra
    }
}
