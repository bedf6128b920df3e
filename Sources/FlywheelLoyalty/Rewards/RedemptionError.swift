/// Why a reward could not be redeemed or a code not used. The description names the reward or code and the
/// reason, never customer data.
public enum RedemptionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The customer already redeemed the reward `count` times in the limit's period.
    case limitReached(rewardID: String, limit: RewardLimit)
    /// The ledger refused the points (not enough, typically).
    case ledger(LedgerError)
    /// No free code could be drawn from the reward's pattern.
    case codesExhausted(pattern: String)
    /// No code with this text was issued.
    case unknownCode(String)
    /// The code belongs to another customer.
    case notTheCustomersCode(String)
    /// The code was used already or has expired.
    case notUsable(code: String, status: CodeStatus)
    /// The order is below the reward's minimum order value.
    case belowMinimum(code: String, minimumMinor: Int64, orderMinor: Int64)

    public var description: String {
        switch self {
        case .limitReached(let rewardID, let limit):
            "reward '\(rewardID)' may be redeemed \(limit.count) time(s) per \(limit.period.rawValue); "
                + "the limit is reached"
        case .ledger(let error): "the points could not be taken: \(error)"
        case .codesExhausted(let pattern):
            "no unused code left in pattern '\(pattern)'; use a longer pattern"
        case .unknownCode(let code): "code '\(code)' was never issued"
        case .notTheCustomersCode(let code): "code '\(code)' belongs to another customer"
        case .notUsable(let code, let status):
            switch status {
            case .issued: "code '\(code)' cannot be used"
            case .used(let order, _): "code '\(code)' was already used on order \(order)"
            case .expired(let at): "code '\(code)' expired at \(at)"
            }
        case .belowMinimum(let code, let minimum, let order):
            "code '\(code)' needs an order of at least \(minimum) minor units; this order is \(order)"
        }
    }
}
