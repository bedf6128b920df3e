public import Foundation

/// The shop's rules of consent and good manners for every message of every flow.
///
/// Order of checks: address → suppression list → consent (by class) → no win-back while an order is on its
/// way → smart sending → frequency cap → quiet hours (postpone). Transactional mail passes everything but
/// the address and a hard bounce / erasure.
public struct ContactPolicy: Hashable, Sendable {
    /// At most `limit` marketing messages per rolling `window`, across all flows.
    public struct FrequencyCap: Hashable, Sendable {
        public var limit: Int
        public var window: FlowDuration

        public init(limit: Int, window: FlowDuration) {
            self.limit = limit
            self.window = window
        }
    }

    public var frequencyCap: FrequencyCap?
    /// Skip a marketing message when the customer got one within this span.
    public var smartSending: FlowDuration?
    public var quietHours: QuietHours?
    /// Which classes quiet hours hold back (transactional never should).
    public var quietClasses: Set<MessageClass>
    /// Whether the German existing-customer exemption (§7(3) UWG) may stand in for e-mail consent.
    public var existingCustomerExemption: Bool
    /// The shop's zone, for customers whose zone is unknown.
    public var shopTimeZone: TimeZone

    public init(
        frequencyCap: FrequencyCap? = nil, smartSending: FlowDuration? = nil, quietHours: QuietHours? = nil,
        quietClasses: Set<MessageClass> = [.marketing, .service], existingCustomerExemption: Bool = true,
        shopTimeZone: TimeZone
    ) {
        self.frequencyCap = frequencyCap
        self.smartSending = smartSending
        self.quietHours = quietHours
        self.quietClasses = quietClasses
        self.existingCustomerExemption = existingCustomerExemption
        self.shopTimeZone = shopTimeZone
    }

    /// A sensible default for a German shop: 3 marketing messages per 7 days, 16 hours smart sending,
    /// quiet 21:00–08:00, the existing-customer exemption allowed.
    public static func standard(shopTimeZone: TimeZone) -> ContactPolicy {
        ContactPolicy(
            frequencyCap: FrequencyCap(limit: 3, window: .days(7)), smartSending: .hours(16),
            quietHours: QuietHours(start: TimeOfDay(hour: 21, minute: 0)!, end: TimeOfDay(hour: 8, minute: 0)!),
            shopTimeZone: shopTimeZone)
    }

    /// Send, postpone or skip one message to a customer at `now`.
    public func decide(
        _ message: MessageIntent, contact: ContactFacts, orderInTransit: Bool, customerTimeZone: TimeZone?, now: Date
    ) -> ContactDecision {
        let channel = message.channel
        let hasAddress = channel == .email ? contact.hasEmail : contact.hasPhone
        guard hasAddress else { return .skip(.noAddress(channel)) }
        if let reason = channel == .email ? contact.emailSuppression : contact.smsSuppression,
            reason.blocks(message.messageClass)
        {
            return .skip(.suppressed(channel, reason))
        }
        var basis = ConsentBasis.notNeeded
        if message.messageClass == .marketing {
            guard let granted = marketingBasis(message, contact: contact) else { return .skip(.noConsent(channel)) }
            basis = granted
        }
        if message.winBack && orderInTransit { return .skip(.orderInTransit) }
        if message.messageClass == .marketing {
            if let span = smartSending, let last = contact.lastMarketingAt,
                now.timeIntervalSince(last) < TimeInterval(span.seconds)
            {
                return .skip(.recentlyMessaged(lastAt: last))
            }
            if let cap = frequencyCap {
                let from = now.addingTimeInterval(-TimeInterval(cap.window.seconds))
                var count = 0
                for sent in contact.recentMarketing where sent > from && sent <= now { count += 1 }
                if count >= cap.limit { return .skip(.frequencyCap(limit: cap.limit)) }
            }
        }
        if let quiet = quietHours, quietClasses.contains(message.messageClass),
            let until = quiet.end(ofWindowContaining: now, in: customerTimeZone ?? shopTimeZone)
        {
            return .postpone(until: until, .quietHours)
        }
        return .send(basis)
    }

    /// Consent for marketing: confirmed opt-in, or (e-mail only) the existing-customer exemption when the
    /// address came from a sale, the customer was told they may object and has not, and the message
    /// advertises own similar goods. SMS marketing always needs consent (a conservative reading).
    private func marketingBasis(_ message: MessageIntent, contact: ContactFacts) -> ConsentBasis? {
        switch message.channel {
        case .sms:
            return contact.smsConsent == .granted ? .consent : nil
        case .email:
            if contact.emailConsent == .granted { return .consent }
            guard existingCustomerExemption, contact.emailConsent != .revoked, message.ownSimilarGoods,
                let facts = contact.existingCustomer, facts.addressFromSale, facts.toldOfRightToObject
            else { return nil }
            return .existingCustomer
        }
    }
}
