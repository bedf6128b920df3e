/// What a segment rule can test about a customer (as of the instant the rule is evaluated).
public enum CustomerField: String, Codable, Hashable, Sendable, CaseIterable {
    /// Purchases (orders that count), a number.
    case orders
    /// Purchase occasions (days with a purchase), a number.
    case purchases
    /// Net spend in minor units, a number.
    case netSpent = "net_spent"
    /// Net spend ÷ purchases in minor units (rounded), a number.
    case averageOrderValue = "average_order_value"
    /// Whole days since the first and since the last purchase day, numbers.
    case daysSinceFirstPurchase = "days_since_first_purchase"
    case daysSinceLastPurchase = "days_since_last_purchase"
    /// The lifecycle stage (`new`, `active`, `loyal`, `lapsing`, `lost`, `prospect`), a text.
    case lifecycleStage = "lifecycle_stage"
    /// The named RFM segment (`champions`, `at_risk` …, or its name `At Risk`), a text.
    case rfmSegment = "rfm_segment"
    /// The RFM scores 1–5, numbers.
    case rfmRecency = "rfm_recency"
    case rfmFrequency = "rfm_frequency"
    case rfmMonetary = "rfm_monetary"
    /// Whether the customer is a VIP, a flag.
    case vip
    /// The first purchase's marketing channel, a text.
    case acquisitionChannel = "acquisition_channel"
    /// Whether the first purchase carried a discount code, a flag.
    case acquiredWithDiscount = "acquired_with_discount"
    /// The first purchase's first category and first SKU, texts.
    case firstCategory = "first_category"
    case firstProduct = "first_product"
    /// Categories and SKUs ever bought: `=` tests "has bought", `!=` "has never bought", a text.
    case boughtCategory = "bought_category"
    case boughtProduct = "bought_product"
    /// The latest NPS score (0–10), a number.
    case latestNPS = "latest_nps"
    /// Reviews written, a number.
    case reviews

    /// The kind of value the field holds.
    public var kind: Kind {
        switch self {
        case .orders, .purchases, .netSpent, .averageOrderValue, .daysSinceFirstPurchase, .daysSinceLastPurchase,
            .rfmRecency, .rfmFrequency, .rfmMonetary, .latestNPS, .reviews:
            .number
        case .lifecycleStage, .rfmSegment, .acquisitionChannel, .firstCategory, .firstProduct, .boughtCategory,
            .boughtProduct:
            .text
        case .vip, .acquiredWithDiscount: .flag
        }
    }

    /// Number, text or flag.
    public enum Kind: String, Codable, Hashable, Sendable {
        case number
        case text
        case flag
    }
}
