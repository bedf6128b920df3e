extension MarketingConsent {
    /// The consent after `change`, or `nil` when a newer change is already recorded (`updatedAt` is later).
    /// Every engine applies changes by this rule.
    public func applying(_ change: ConsentChange) -> MarketingConsent? {
        if let updatedAt, updatedAt > change.changedAt { return nil }
        var result = self
        switch change.channel {
        case .email: result.email = change.state
        case .sms: result.sms = change.state
        }
        result.updatedAt = change.changedAt
        return result
    }

    /// The state of one channel.
    public func state(_ channel: ConsentChannel) -> ConsentState {
        switch channel {
        case .email: email
        case .sms: sms
        }
    }
}
