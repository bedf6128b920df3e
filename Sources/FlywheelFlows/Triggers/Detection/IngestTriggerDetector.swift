public import FlywheelCore
public import Foundation

/// Finds the trigger events in a batch the store has just accepted: orders placed and paid, shipments
/// shipped, delivered and delivered late, refunds, reviews and NPS answers.
///
/// - **Only fresh facts trigger.** Importing three years of history must not send three years of order
///   confirmations: a fact older than `freshness` at `now` (placed, shipped, delivered, refunded, reviewed,
///   answered) is history and triggers nothing. The default, 48 hours, covers webhooks retried for a day
///   and shops that send their data once a day.
/// - **Keys name the fact** (`DetectedEvent`), so the same record stored again — a retried webhook, an
///   update that changes another field — gives the same key.
/// - Cancelled orders and orders without a customer trigger nothing.
public struct IngestTriggerDetector: Sendable {
    public var freshness: TimeInterval

    public init(freshness: TimeInterval = 48 * 3600) {
        self.freshness = freshness
    }

    /// The events in `batch` at `now`, in the batch's order: orders, shipments, refunds, reviews, answers.
    public func events(in batch: IngestBatch, context: IngestTriggerContext, now: Date) -> [DetectedEvent] {
        var events: [DetectedEvent] = []
        func add(_ customer: String?, _ at: Date?, _ trigger: TriggerEvent, _ key: String) {
            guard let customer, let at, isFresh(at, now: now) else { return }
            events.append(DetectedEvent(event: FlowEvent(customerID: customer, occurredAt: at, trigger: trigger), key: key))
        }
        let batchOrders = Dictionary(batch.orders.map { ($0.externalID, $0) }, uniquingKeysWith: { _, last in last })
        for order in batch.orders where order.cancelledAt == nil {
            let number = context.orderNumbers[order.externalID] ?? 1
            add(
                order.customerExternalID, order.placedAt,
                .orderPlaced(orderID: order.externalID, number: number, total: order.total),
                "order_placed/\(order.externalID)")
            if Self.isPaid(order.financialStatus) {
                add(order.customerExternalID, order.placedAt, .orderPaid(orderID: order.externalID),
                    "order_paid/\(order.externalID)")
            }
        }
        for shipment in batch.shipments {
            let order = batchOrders[shipment.orderExternalID] ?? context.orders[shipment.orderExternalID]
            guard let order, order.cancelledAt == nil else { continue }
            let customer = order.customerExternalID
            add(customer, shipment.shippedAt, .orderShipped(orderID: order.externalID),
                "order_shipped/\(shipment.externalID)")
            guard let delivered = shipment.deliveredAt else { continue }
            add(customer, delivered, .orderDelivered(orderID: order.externalID),
                "order_delivered/\(shipment.externalID)")
            if let promised = shipment.promisedBy, delivered > promised {
                let days = max(1, Int((delivered.timeIntervalSince(promised) / 86_400).rounded(.up)))
                add(customer, delivered, .shipmentLate(orderID: order.externalID, daysLate: days),
                    "shipment_late/\(shipment.externalID)")
            }
        }
        for refund in batch.refunds {
            let order = batchOrders[refund.orderExternalID] ?? context.orders[refund.orderExternalID]
            guard let order else { continue }
            let refunded = context.refundedMinor[order.externalID] ?? refund.amountMinor
            add(
                order.customerExternalID, refund.createdAt,
                .orderRefunded(
                    orderID: order.externalID, amount: Money(minorUnits: refund.amountMinor, currency: refund.currency),
                    full: refunded >= order.totalMinor),
                "order_refunded/\(refund.externalID)")
        }
        for review in batch.reviews {
            add(review.customerExternalID, review.createdAt,
                .reviewLeft(reviewID: review.externalID, rating: review.rating), "review_left/\(review.externalID)")
        }
        for answer in batch.surveyAnswers where answer.question == .nps {
            guard let band = NPSBand(score: answer.score) else { continue }
            add(answer.customerExternalID, answer.answeredAt,
                .surveyAnswered(answerID: answer.externalID, score: answer.score, band: band),
                "survey_answered/\(answer.externalID)")
        }
        return events
    }

    private func isFresh(_ at: Date, now: Date) -> Bool {
        at <= now.addingTimeInterval(3600) && now.timeIntervalSince(at) <= freshness
    }

    private static func isPaid(_ status: FinancialStatus) -> Bool {
        switch status {
        case .paid, .partiallyRefunded, .refunded: true
        default: false
        }
    }
}
