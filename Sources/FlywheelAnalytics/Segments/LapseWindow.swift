/// The lifecycle windows in force: active while the last purchase is at most `activeDays` ago, lapsing up
/// to `lostDays`, lost after.
public struct LapseWindow: Hashable, Codable, Sendable {
    /// Days since the last purchase up to which a customer is active (or new, or loyal).
    public var activeDays: Int
    /// Days since the last purchase after which a customer is lost.
    public var lostDays: Int
    /// Whether the windows were learned from the shop's gaps (`false`: the fallback applies).
    public var learned: Bool
    /// How many gaps between purchase occasions they were learned from.
    public var gaps: Int

    /// A window from its parts.
    public init(activeDays: Int, lostDays: Int, learned: Bool, gaps: Int) {
        self.activeDays = activeDays
        self.lostDays = lostDays
        self.learned = learned
        self.gaps = gaps
    }
}
