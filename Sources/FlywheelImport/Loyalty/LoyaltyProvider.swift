/// The loyalty programmes `flywheel loyalty import` reads exports of.
public enum LoyaltyProvider: String, Hashable, Sendable, CaseIterable {
    case smile
    case loyaltylion
    case yotpo
    /// Flywheel's own open export (`flywheel loyalty export`, docs/loyalty-export.md).
    case flywheel

    /// The provider's name in messages and ledger reasons.
    public var displayName: String {
        switch self {
        case .smile: "Smile.io"
        case .loyaltylion: "LoyaltyLion"
        case .yotpo: "Yotpo"
        case .flywheel: "Flywheel"
        }
    }

    /// The provider whose member export has this header, judged by columns only that provider's exports have
    /// (normalised names: lower case, `_` as space); `nil` when the header says nothing clear.
    static func detect(normalisedHeader names: Set<String>) -> LoyaltyProvider? {
        func has(_ any: String...) -> Bool { any.contains { names.contains($0) } }
        if has("points approved", "approved points", "merchant id", "enrolled", "enrolled at", "points pending") {
            return .loyaltylion
        }
        if has("points spent", "opted in", "opt in", "full name", "current points balance", "vip tier name") {
            return .yotpo
        }
        if has("points balance", "vip tier", "referral url", "date of birth", "state") { return .smile }
        return nil
    }
}
