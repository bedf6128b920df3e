public import Foundation

/// An order placed at the shop. All amounts are integer minor units of `currency`.
///
/// `total = subtotal + shipping + tax` when tax is added on top, `subtotal + shipping` when prices include
/// tax (European shops); `subtotal` is after discounts, as in Shopify's export.
public struct Order: Hashable, Sendable {
    public var externalID: String
    /// The customer's external id; `nil` for guest orders that name nobody.
    public var customerExternalID: String?
    public var placedAt: Date
    /// The marketing channel the order came through, e.g. `google_ads`, `newsletter`, `organic`: the same
    /// names as `MarketingSpend.channel`, so CAC per channel can be computed.
    public var channel: String?
    /// The sales platform it was placed on, e.g. `web`, `pos`, `app` (Shopify's `Source`).
    public var source: String?
    public var currency: CurrencyCode
    public var lineItems: [LineItem]
    public var discounts: [DiscountApplication]
    public var subtotalMinor: Int64
    public var shippingMinor: Int64
    public var taxMinor: Int64
    public var taxesIncluded: Bool
    public var totalMinor: Int64
    public var financialStatus: FinancialStatus
    public var cancelledAt: Date?

    public init(
        externalID: String, customerExternalID: String?, placedAt: Date, channel: String? = nil, source: String? = nil,
        currency: CurrencyCode, lineItems: [LineItem] = [], discounts: [DiscountApplication] = [],
        subtotalMinor: Int64, shippingMinor: Int64 = 0, taxMinor: Int64 = 0, taxesIncluded: Bool = false,
        totalMinor: Int64, financialStatus: FinancialStatus = .paid, cancelledAt: Date? = nil
    ) {
        self.externalID = externalID
        self.customerExternalID = customerExternalID
        self.placedAt = placedAt
        self.channel = channel
        self.source = source
        self.currency = currency
        self.lineItems = lineItems
        self.discounts = discounts
        self.subtotalMinor = subtotalMinor
        self.shippingMinor = shippingMinor
        self.taxMinor = taxMinor
        self.taxesIncluded = taxesIncluded
        self.totalMinor = totalMinor
        self.financialStatus = financialStatus
        self.cancelledAt = cancelledAt
    }

    /// Sum of the discount amounts.
    public var discountMinor: Int64 { discounts.reduce(0) { $0 + $1.amountMinor } }

    /// The order total as money.
    public var total: Money { Money(minorUnits: totalMinor, currency: currency) }
}
