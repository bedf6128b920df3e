/// A buyer's recency, frequency and monetary quintile scores, each 1 (worst fifth) to 5 (best fifth).
///
/// A score counts the buyers with a strictly worse value: score = 1 + ⌊5 · L / N⌋ (at most 5), where N is
/// the number of buyers and L those who bought less recently (recency), on fewer occasions (frequency), or
/// spent less (monetary). Ties share a score, so a score can be skipped: when 60 % of buyers bought once,
/// all of them get F = 1 and the next frequency starts at F = 4.
public struct RFMScore: Hashable, Codable, Sendable, CustomStringConvertible {
    public var recency: Int
    public var frequency: Int
    public var monetary: Int

    /// Scores from their parts (each 1–5).
    public init(recency: Int, frequency: Int, monetary: Int) {
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
    }

    /// The frequency–monetary score: the mean of F and M, halves rounded up.
    public var frequencyMonetary: Int { (frequency + monetary + 1) / 2 }

    /// The buyer's named segment.
    public var segment: RFMSegment { RFMSegment(score: self) }

    /// `R-F-M`, e.g. `5-4-3`.
    public var description: String { "\(recency)-\(frequency)-\(monetary)" }

    /// 1 + ⌊5 · below / n⌋, at most 5.
    static func quintile(below: Int64, of n: Int64) -> Int {
        guard n > 0 else { return 1 }
        return min(5, 1 + Int((5 * below) / n))
    }
}
