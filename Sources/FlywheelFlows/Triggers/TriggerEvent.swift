public import FlywheelCore

/// Something that happened to a customer which flows react to: the trigger list as a domain type.
public enum TriggerEvent: Hashable, Sendable {
    /// `number` is 1 for the first order, N for the Nth.
    case orderPlaced(orderID: String, number: Int, total: Money)
    case orderPaid(orderID: String)
    case orderShipped(orderID: String)
    case expectedDeliveryReached(orderID: String)
    case orderDelivered(orderID: String)
    case shipmentLate(orderID: String, daysLate: Int)
    case orderRefunded(orderID: String, amount: Money, full: Bool)
    case reviewLeft(reviewID: String, rating: Int)
    /// An NPS (or other 0–10) answer with its band.
    case surveyAnswered(answerID: String, score: Int, band: NPSBand)
    case lapsed(LapseReason)
    /// The customer entered the top `rankPercent` % by value.
    case vipReached(rankPercent: Int)
    case tierChanged(from: String?, to: String)
    case pointsExpiring(points: Int, on: CivilDate)
    case birthday
    case firstOrderAnniversary(years: Int)
    /// A checkout without an order after the shop's N minutes.
    case cartAbandoned(cartID: String, value: Money)
    /// The product's reorder cycle has passed since it was bought.
    case replenishmentDue(sku: String)
    /// A scheduled send to a segment (newsletter).
    case segmentSend(segment: String, campaign: String)
    /// An answer given through a message link (the delivery check-in's yes / no).
    case messageAnswered(orderID: String?, answer: String)

    /// The kind, as written in files.
    public var kind: TriggerKind {
        switch self {
        case .orderPlaced: .orderPlaced
        case .orderPaid: .orderPaid
        case .orderShipped: .orderShipped
        case .expectedDeliveryReached: .expectedDeliveryReached
        case .orderDelivered: .orderDelivered
        case .shipmentLate: .shipmentLate
        case .orderRefunded: .orderRefunded
        case .reviewLeft: .reviewLeft
        case .surveyAnswered: .surveyAnswered
        case .lapsed: .lapsed
        case .vipReached: .vipReached
        case .tierChanged: .tierChanged
        case .pointsExpiring: .pointsExpiring
        case .birthday: .birthday
        case .firstOrderAnniversary: .firstOrderAnniversary
        case .cartAbandoned: .cartAbandoned
        case .replenishmentDue: .replenishmentDue
        case .segmentSend: .segmentSend
        case .messageAnswered: .messageAnswered
        }
    }

    /// The order the event is about, if any.
    public var orderID: String? {
        switch self {
        case .orderPlaced(let id, _, _), .orderPaid(let id), .orderShipped(let id), .expectedDeliveryReached(let id),
            .orderDelivered(let id), .shipmentLate(let id, _), .orderRefunded(let id, _, _):
            id
        case .messageAnswered(let id, _): id
        default: nil
        }
    }

    /// The value of one attribute, `nil` when this event does not carry it.
    public func value(of attribute: EventAttribute) -> FactValue? {
        switch (self, attribute) {
        case (_, .orderID): return orderID.map(FactValue.string)
        case (.orderPlaced(_, let number, _), .orderNumber): return .int(Int64(number))
        case (.orderPlaced(_, _, let total), .orderTotal): return .int(total.minorUnits)
        case (.shipmentLate(_, let days), .daysLate): return .int(Int64(days))
        case (.orderRefunded(_, let amount, _), .refundAmount): return .int(amount.minorUnits)
        case (.orderRefunded(_, _, let full), .refundFull): return .bool(full)
        case (.reviewLeft(_, let rating), .rating): return .int(Int64(rating))
        case (.surveyAnswered(_, let score, _), .score): return .int(Int64(score))
        case (.surveyAnswered(_, _, let band), .npsBand): return .string(band.rawValue)
        case (.lapsed(let reason), .lapseReason): return .string(reason.rawValue)
        case (.vipReached(let rank), .rankPercent): return .int(Int64(rank))
        case (.tierChanged(_, let to), .tier): return .string(to)
        case (.tierChanged(let from, _), .previousTier): return from.map(FactValue.string)
        case (.pointsExpiring(let points, _), .points): return .int(Int64(points))
        case (.firstOrderAnniversary(let years), .years): return .int(Int64(years))
        case (.cartAbandoned(_, let value), .cartValue): return .int(value.minorUnits)
        case (.replenishmentDue(let sku), .sku): return .string(sku)
        case (.segmentSend(let segment, _), .segment): return .string(segment)
        case (.segmentSend(_, let campaign), .campaign): return .string(campaign)
        case (.messageAnswered(_, let answer), .answer): return .string(answer)
        default: return nil
        }
    }
}
