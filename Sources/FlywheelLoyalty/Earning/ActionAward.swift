/// The points an action earns after its cap.
public struct ActionAward: Hashable, Sendable {
    /// The action.
    public var action: EarningAction
    /// The points the action is worth without a cap.
    public var fixedPoints: Int64
    /// The points to award: `fixedPoints`, or less when the cap is reached.
    public var points: Int64
    /// Whether the cap cut the award (to fewer points or to none).
    public var capped: Bool

    /// An award of `points` out of `fixedPoints` for `action`.
    public init(action: EarningAction, fixedPoints: Int64, points: Int64, capped: Bool) {
        self.action = action
        self.fixedPoints = fixedPoints
        self.points = points
        self.capped = capped
    }
}
