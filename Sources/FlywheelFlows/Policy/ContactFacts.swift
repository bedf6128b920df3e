public import FlywheelCore
public import Foundation

/// What the policy must know about a customer's reachability, consent and recent messages.
public struct ContactFacts: Hashable, Sendable {
    public var hasEmail: Bool
    public var hasPhone: Bool
    /// Marketing consent per channel (`granted` only after the double opt-in is confirmed).
    public var emailConsent: ConsentState
    public var smsConsent: ConsentState
    /// The e-mail address's entry on the suppression list, if any.
    public var emailSuppression: SuppressionReason?
    public var smsSuppression: SuppressionReason?
    /// The facts of the existing-customer exemption (§7(3) UWG) for e-mail; `nil` when it does not apply.
    public var existingCustomer: ExistingCustomerFacts?
    /// When the customer was last sent a marketing message (any flow, any channel).
    public var lastMarketingAt: Date?
    /// Times of marketing messages sent within the frequency-cap window (any order).
    public var recentMarketing: [Date]

    public init(
        hasEmail: Bool = true, hasPhone: Bool = false, emailConsent: ConsentState = .unknown,
        smsConsent: ConsentState = .unknown, emailSuppression: SuppressionReason? = nil,
        smsSuppression: SuppressionReason? = nil, existingCustomer: ExistingCustomerFacts? = nil,
        lastMarketingAt: Date? = nil, recentMarketing: [Date] = []
    ) {
        self.hasEmail = hasEmail
        self.hasPhone = hasPhone
        self.emailConsent = emailConsent
        self.smsConsent = smsConsent
        self.emailSuppression = emailSuppression
        self.smsSuppression = smsSuppression
        self.existingCustomer = existingCustomer
        self.lastMarketingAt = lastMarketingAt
        self.recentMarketing = recentMarketing
    }
}

/// The conditions of §7(3) UWG the shop records when it collects an address at a sale.
public struct ExistingCustomerFacts: Hashable, Sendable {
    /// The address was obtained in connection with the sale of goods or services (Nr. 1).
    public var addressFromSale: Bool
    /// At collection the customer was clearly told they may object at any time at no extra cost (Nr. 4).
    public var toldOfRightToObject: Bool

    public init(addressFromSale: Bool, toldOfRightToObject: Bool) {
        self.addressFromSale = addressFromSale
        self.toldOfRightToObject = toldOfRightToObject
    }
}
