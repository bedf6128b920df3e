/// The Net Promoter band of a 0–10 answer: 0–6 detractor, 7–8 passive, 9–10 promoter.
public enum NPSBand: String, Sendable, Hashable, Codable, CaseIterable {
    case detractor, passive, promoter

    /// The band of a score; `nil` outside 0…10.
    public init?(score: Int) {
        switch score {
        case 0...6: self = .detractor
        case 7...8: self = .passive
        case 9...10: self = .promoter
        default: return nil
        }
    }
}
