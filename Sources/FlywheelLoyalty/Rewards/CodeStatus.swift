public import Foundation

/// Where a discount code is in its life: issued, then used or expired (never both, never back).
public enum CodeStatus: Hashable, Sendable, Codable {
    /// Issued and still usable (until its expiry, if any).
    case issued
    /// Used on `order` at `at`.
    case used(order: String, at: Date)
    /// Reached its expiry unused.
    case expired(at: Date)
}
