/// The named RFM segments, from recency (R) and the frequency–monetary score (FM), each 1–5.
///
/// The grid is the widely used R × F mapping (rows R, columns FM), with Lost for the 1–1 corner:
///
/// | R \ FM | 1 | 2 | 3 | 4 | 5 |
/// |---|---|---|---|---|---|
/// | 5 | New | Potential Loyalist | Potential Loyalist | Champions | Champions |
/// | 4 | Promising | Potential Loyalist | Potential Loyalist | Loyal | Loyal |
/// | 3 | About to Sleep | About to Sleep | Need Attention | Loyal | Loyal |
/// | 2 | Hibernating | Hibernating | At Risk | At Risk | Can't Lose |
/// | 1 | Lost | Hibernating | At Risk | At Risk | Can't Lose |
public enum RFMSegment: String, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case champions = "champions"
    case loyal = "loyal"
    case potentialLoyalist = "potential_loyalist"
    case new = "new"
    case promising = "promising"
    case needAttention = "need_attention"
    case aboutToSleep = "about_to_sleep"
    case atRisk = "at_risk"
    case cantLose = "cant_lose"
    case hibernating = "hibernating"
    case lost = "lost"

    /// The segment of a score.
    public init(score: RFMScore) {
        let r = min(max(score.recency, 1), 5)
        let fm = min(max(score.frequencyMonetary, 1), 5)
        self = RFMSegment.grid[5 - r][fm - 1]
    }

    private static let grid: [[RFMSegment]] = [
        [.new, .potentialLoyalist, .potentialLoyalist, .champions, .champions],
        [.promising, .potentialLoyalist, .potentialLoyalist, .loyal, .loyal],
        [.aboutToSleep, .aboutToSleep, .needAttention, .loyal, .loyal],
        [.hibernating, .hibernating, .atRisk, .atRisk, .cantLose],
        [.lost, .hibernating, .atRisk, .atRisk, .cantLose],
    ]

    /// The English name, e.g. `Can't Lose`.
    public var description: String {
        switch self {
        case .champions: "Champions"
        case .loyal: "Loyal"
        case .potentialLoyalist: "Potential Loyalist"
        case .new: "New"
        case .promising: "Promising"
        case .needAttention: "Need Attention"
        case .aboutToSleep: "About to Sleep"
        case .atRisk: "At Risk"
        case .cantLose: "Can't Lose"
        case .hibernating: "Hibernating"
        case .lost: "Lost"
        }
    }
}
