public import Foundation

/// One entry of a customer's consent history: a channel's new state, where it came from, when, and for an
/// opt-in the proof. The history is append-only; the customer's `MarketingConsent` is its cached result.
public struct ConsentChange: Hashable, Sendable {
    public var customerExternalID: String
    public var channel: ConsentChannel
    public var state: ConsentState
    public var source: ConsentSource
    /// When the change happened (as the source says; Flywheel's own changes: when it made them).
    public var changedAt: Date
    /// For opt-ins (`pending`, `granted`): what proves them.
    public var proof: OptInProof?

    public init(
        customerExternalID: String, channel: ConsentChannel, state: ConsentState, source: ConsentSource,
        changedAt: Date, proof: OptInProof? = nil
    ) {
        self.customerExternalID = customerExternalID
        self.channel = channel
        self.state = state
        self.source = source
        self.changedAt = Date(timeIntervalSince1970: (changedAt.timeIntervalSince1970 * 1000).rounded() / 1000)
        self.proof = proof.flatMap { $0.isEmpty ? nil : $0 }
    }
}
