/// What recording a consent change did to the customer's cached consent.
public enum ConsentChangeOutcome: Hashable, Sendable {
    /// The change is the newest known: the customer's `MarketingConsent` now says what it says.
    case applied(MarketingConsent)
    /// A newer change was recorded before: the history has it, the cached consent stays.
    case superseded(MarketingConsent)

    /// The customer's consent after the change.
    public var consent: MarketingConsent {
        switch self {
        case .applied(let consent), .superseded(let consent): consent
        }
    }
}
