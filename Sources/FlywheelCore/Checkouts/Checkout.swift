public import Foundation

/// A checkout (a cart the customer took to the checkout page) as the shop reports it: what was in it, what
/// it came to, and the link back to it. An open checkout whose customer placed no order since is what the
/// abandoned-cart flow reminds of (`CartAbandonmentDetector` in FlywheelFlows).
///
/// Keyed by the shop's checkout token. An update replaces the stored checkout whole (lines, total, times);
/// the same checkout again changes nothing (content hash). Times are UTC instants; money is integer minor
/// units of `currency`.
public struct Checkout: Hashable, Sendable {
    /// The shop's checkout token (Shopify's `token`).
    public var externalID: String
    /// The customer's external id; `nil` for a guest known only by `email`.
    public var customerExternalID: String?
    /// The address given at the checkout; the only contact of a guest.
    public var email: String?
    public var createdAt: Date
    /// The last change (items, quantities, address): the abandonment window counts from here.
    public var updatedAt: Date
    public var currency: CurrencyCode
    /// What the cart came to, as the shop showed it (after discounts, with shipping and tax as the shop adds
    /// them), in minor units.
    public var totalMinor: Int64
    public var lines: [CheckoutLine]
    /// The shop's link back to this cart (Shopify's `abandoned_checkout_url`).
    public var recoveryURL: String?
    /// When the checkout turned into an order; `nil` while open.
    public var completedAt: Date?
    /// The order it turned into, when known.
    public var orderExternalID: String?

    public init(
        externalID: String, customerExternalID: String?, email: String? = nil, createdAt: Date, updatedAt: Date,
        currency: CurrencyCode, totalMinor: Int64, lines: [CheckoutLine] = [], recoveryURL: String? = nil,
        completedAt: Date? = nil, orderExternalID: String? = nil
    ) {
        self.externalID = externalID
        self.customerExternalID = customerExternalID
        self.email = email
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.currency = currency
        self.totalMinor = totalMinor
        self.lines = lines
        self.recoveryURL = recoveryURL
        self.completedAt = completedAt
        self.orderExternalID = orderExternalID
    }

    /// The cart's value as money.
    public var total: Money { Money(minorUnits: totalMinor, currency: currency) }

    /// Not completed and not turned into an order.
    public var isOpen: Bool { completedAt == nil && orderExternalID == nil }
}
