/// The kinds of event that can start a flow, resume a waiting step or reach a goal; the names used in files.
public enum TriggerKind: String, Sendable, Hashable, Codable, CaseIterable {
    case orderPlaced = "order_placed"
    case orderPaid = "order_paid"
    case orderShipped = "order_shipped"
    case expectedDeliveryReached = "expected_delivery_reached"
    case orderDelivered = "order_delivered"
    case shipmentLate = "shipment_late"
    case orderRefunded = "order_refunded"
    case reviewLeft = "review_left"
    case surveyAnswered = "survey_answered"
    case lapsed
    case vipReached = "vip_reached"
    case tierChanged = "tier_changed"
    case pointsExpiring = "points_expiring"
    case birthday
    case firstOrderAnniversary = "first_order_anniversary"
    case cartAbandoned = "cart_abandoned"
    case replenishmentDue = "replenishment_due"
    case segmentSend = "segment_send"
    /// The customer answered a question in a message (a yes/no link, e.g. the delivery check-in).
    case messageAnswered = "message_answered"

    /// The event attributes this kind carries (what `event.<attribute>` can read).
    public var attributes: [EventAttribute] {
        switch self {
        case .orderPlaced: [.orderID, .orderNumber, .orderTotal]
        case .orderPaid, .orderShipped, .expectedDeliveryReached, .orderDelivered: [.orderID]
        case .shipmentLate: [.orderID, .daysLate]
        case .orderRefunded: [.orderID, .refundAmount, .refundFull]
        case .reviewLeft: [.rating]
        case .surveyAnswered: [.score, .npsBand]
        case .lapsed: [.lapseReason]
        case .vipReached: [.rankPercent]
        case .tierChanged: [.tier, .previousTier]
        case .pointsExpiring: [.points]
        case .birthday: []
        case .firstOrderAnniversary: [.years]
        case .cartAbandoned: [.cartValue]
        case .replenishmentDue: [.sku]
        case .segmentSend: [.segment, .campaign]
        case .messageAnswered: [.orderID, .answer]
        }
    }
}
