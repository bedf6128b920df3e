import FlywheelCore

extension PostgresIngest {
    /// Upserts a refund of a stored order (or one of the batch), within `RefundRules`: same currency, and the
    /// order's refunds, this one's new amount included, no more than its total.
    mutating func upsertRefund(_ refund: Refund) throws {
        let orderKey = refund.orderExternalID
        guard let order = orders[orderKey]?.order ?? storedOrdersForRefunds[orderKey] else {
            throw IngestError.unknownOrder("refund \(refund.externalID)")
        }
        let others = (refundsByOrder[orderKey] ?? [:]).values.filter { $0.externalID != refund.externalID }
        try RefundRules.check(refund, order: order, otherRefunds: Array(others))
        // A refund that moves to another order leaves the old one's sum.
        if let previous = refundOrders[refund.externalID], previous != orderKey {
            refundsByOrder[previous]?[refund.externalID] = nil
        }
        refundOrders[refund.externalID] = orderKey
        refundsByOrder[orderKey, default: [:]][refund.externalID] = refund
        counts.refunds.tally(refunds.upsert(refund, key: refund.externalID, version: refund.contentHash))
    }

    /// Upserts a shipment of a stored order (or one of the batch).
    mutating func upsertShipment(_ shipment: Shipment) throws {
        guard orderExists(shipment.orderExternalID) else {
            throw IngestError.unknownOrder("shipment \(shipment.externalID)")
        }
        counts.shipments.tally(shipments.upsert(shipment, key: shipment.externalID, version: shipment.contentHash))
    }

    /// Upserts a return of a stored order (or one of the batch).
    mutating func upsertReturn(_ item: ReturnRequest) throws {
        guard orderExists(item.orderExternalID) else { throw IngestError.unknownOrder("return \(item.externalID)") }
        counts.returns.tally(returns.upsert(item, key: item.externalID, version: item.contentHash))
    }
}
