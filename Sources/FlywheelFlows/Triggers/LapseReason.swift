/// Why a customer counts as lapsing.
public enum LapseReason: String, Sendable, Hashable, Codable {
    /// The learned repurchase window (e.g. the 80th percentile of gaps between orders) has passed.
    case window
    /// The modelled probability of being alive dropped below the shop's threshold.
    case pAlive = "p_alive"
}
