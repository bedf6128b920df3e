public import Foundation

/// One customer's tier state machine: `TierRules` with the customer's `TierState`.
/// `mutating func handle(_:) -> [TierChange]` returns the actions; no I/O.
public struct TierMachine: Sendable {
    /// The rules.
    public let rules: TierRules
    /// The customer's state.
    public private(set) var state: TierState

    /// A machine for a customer without tier or activity (or with a stored `state`).
    public init(rules: TierRules, state: TierState = TierState()) {
        self.rules = rules
        self.state = state
    }

    /// Applies `event`; see `TierRules.handle(_:state:)`.
    public mutating func handle(_ event: TierEvent) -> [TierChange] { rules.handle(event, state: &state) }

    /// The current tier; `nil` for none.
    public var tier: Tier? { rules.tier(of: state) }

    /// Progress at `at`; see `TierRules.progress(of:at:)`.
    public func progress(at: Date) -> TierProgress { rules.progress(of: state, at: at) }
}
