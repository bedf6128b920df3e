/// Why the ledger refused a movement. The description names the problem and what to do; it carries no
/// customer data.
public struct LedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case insufficientPoints(requested: Int64, spendable: Int64)
        case nonPositivePoints(Int64)
        case wrongSourceKind(expected: [SourceEvent.Kind], got: SourceEvent.Kind)
        case missingOrderAmount
        case nonPositiveAmount
        case unknownOrder
        case currencyMismatch
        case unknownRedemption
        case handBackExceedsRedeemed(requested: Int64, redeemed: Int64)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// The redemption asks for more points than the customer can spend.
    static func insufficientPoints(requested: Int64, spendable: Int64) -> LedgerError {
        LedgerError(.insufficientPoints(requested: requested, spendable: spendable))
    }
    /// A movement of zero or negative points.
    static func nonPositivePoints(_ points: Int64) -> LedgerError { LedgerError(.nonPositivePoints(points)) }
    /// The source event's kind does not fit the operation.
    static func wrongSourceKind(expected: [SourceEvent.Kind], got: SourceEvent.Kind) -> LedgerError {
        LedgerError(.wrongSourceKind(expected: expected, got: got))
    }
    /// Points for an order without the order's amount, so later refunds could not be pro-rated.
    static let missingOrderAmount = LedgerError(.missingOrderAmount)
    /// An order or refund amount of zero or less.
    static let nonPositiveAmount = LedgerError(.nonPositiveAmount)
    /// A refund for an order that earned nothing in this ledger.
    static let unknownOrder = LedgerError(.unknownOrder)
    /// A refund in another currency than its order.
    static let currencyMismatch = LedgerError(.currencyMismatch)

    /// A hand-back for a redemption this ledger never applied.
    static let unknownRedemption = LedgerError(.unknownRedemption)
    /// A hand-back of more points than the redemption spent (less what was already handed back).
    static func handBackExceedsRedeemed(requested: Int64, redeemed: Int64) -> LedgerError {
        LedgerError(.handBackExceedsRedeemed(requested: requested, redeemed: redeemed))
    }

    /// For a refused redemption or deduction: how many points are missing; otherwise `nil`.
    public var shortfall: Int64? {
        if case .insufficientPoints(let requested, let spendable) = code { return requested - spendable }
        return nil
    }

    /// What was wrong and what to do.
    public var description: String {
        switch code {
        case .insufficientPoints(let requested, let spendable):
            "not enough points: \(requested) requested, \(spendable) spendable, short by \(requested - spendable); "
                + "ask for at most \(spendable)"
        case .nonPositivePoints(let points):
            "points must be positive, got \(points)"
        case .wrongSourceKind(let expected, let got):
            "source kind '\(got.rawValue)' does not fit this operation; use one of "
                + expected.map(\.rawValue).joined(separator: ", ")
        case .missingOrderAmount:
            "points for an order need the order's amount so that refunds can be pro-rated"
        case .nonPositiveAmount:
            "order and refund amounts must be positive"
        case .unknownOrder:
            "the refunded order earned no points in this ledger; record the order's points first"
        case .currencyMismatch:
            "the refund's currency differs from its order's; refund in the order's currency"
        case .unknownRedemption:
            "the redemption to hand back was never applied in this ledger; hand back only applied redemptions"
        case .handBackExceedsRedeemed(let requested, let redeemed):
            "cannot hand back \(requested) points: the redemption spent \(redeemed) not yet handed back"
        }
    }
}
