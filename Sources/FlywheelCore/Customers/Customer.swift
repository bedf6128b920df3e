public import Foundation

/// A shop's customer, identified by the shop's own id (`externalID`).
///
/// Fields left `nil` are unknown: merging a record that lacks them never erases what is stored.
public struct Customer: Hashable, Sendable {
    /// The shop's id for the customer (CDNOW's customer number, Shopify's customer id or e-mail).
    public var externalID: String
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    public var birthday: CivilDate?
    public var locale: ShopLocale?
    public var consent: MarketingConsent?
    /// When the customer was created at the shop; for imported histories the first order's time.
    public var createdAt: Date?

    public init(
        externalID: String, email: String? = nil, firstName: String? = nil, lastName: String? = nil,
        birthday: CivilDate? = nil, locale: ShopLocale? = nil, consent: MarketingConsent? = nil, createdAt: Date? = nil
    ) {
        self.externalID = externalID
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.birthday = birthday
        self.locale = locale
        self.consent = consent
        self.createdAt = createdAt
    }

    /// This record updated with what `newer` knows: its non-nil fields win, except `createdAt`, which keeps
    /// the earliest time either record knows.
    public func merged(with newer: Customer) -> Customer {
        var result = self
        result.email = newer.email ?? email
        result.firstName = newer.firstName ?? firstName
        result.lastName = newer.lastName ?? lastName
        result.birthday = newer.birthday ?? birthday
        result.locale = newer.locale ?? locale
        result.consent = newer.consent ?? consent
        switch (createdAt, newer.createdAt) {
        case (let a?, let b?): result.createdAt = min(a, b)
        case (nil, let b): result.createdAt = b
        case (let a, nil): result.createdAt = a
        }
        return result
    }
}
