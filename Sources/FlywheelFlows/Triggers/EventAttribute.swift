/// A named attribute of a trigger event that conditions read as `event.<name>`.
public enum EventAttribute: String, Sendable, Hashable, CaseIterable {
    case orderID = "order_id"
    /// 1 for the first order, 2 for the second …
    case orderNumber = "order_number"
    /// Minor units.
    case orderTotal = "order_total"
    case daysLate = "days_late"
    /// Minor units.
    case refundAmount = "refund_amount"
    case refundFull = "refund_full"
    /// 1…5 stars.
    case rating
    /// The survey score.
    case score
    /// `detractor`, `passive` or `promoter`.
    case npsBand = "nps_band"
    /// `window` or `p_alive`.
    case lapseReason = "lapse_reason"
    /// The customer's rank among all customers by value, in percent (5 = top 5 %).
    case rankPercent = "rank_percent"
    case tier
    case previousTier = "previous_tier"
    case points
    case years
    /// Minor units.
    case cartValue = "cart_value"
    case sku
    case segment
    case campaign
    /// The customer's answer, e.g. `yes` / `no`.
    case answer
}
