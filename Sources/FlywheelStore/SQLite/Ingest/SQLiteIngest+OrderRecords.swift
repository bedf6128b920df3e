import FlywheelCore
import GRDB

extension SQLiteIngest {
    /// The refunds of order `?1` but refund `?2`.
    static let otherRefundsSQL = Refund.sqliteSelect + "\nWHERE r.order_id = ?1 AND r.external_id <> ?2"

    /// Upserts a refund of a stored order, within `RefundRules` (same currency, refunds no more than the total).
    mutating func upsertRefund(_ refund: Refund) throws {
        guard let orderID = orderID(externalID: refund.orderExternalID) else {
            throw IngestError.unknownOrder("refund \(refund.externalID)")
        }
        guard let order = try Order.fetchAllSQLite(db, sql: Order.sqliteSelectByID, arguments: [orderID]).first else {
            throw SQLiteStoreError.unreadableValue(table: "orders", column: "id")
        }
        let others = try Row.fetchAll(
            db.cachedStatement(sql: Self.otherRefundsSQL), arguments: [orderID, refund.externalID]
        )
        .map(Refund.init(sqliteRow:))
        try RefundRules.check(refund, order: order, otherRefunds: others)
        let outcome = try refunds.upsert(key: refund.externalID, hash: refund.contentHash) {
            try refund.bindSQLiteColumns(to: $0, orderID: orderID)
        }
        counts.refunds.add(outcome)
    }

    /// Upserts a shipment of a stored order.
    mutating func upsertShipment(_ shipment: Shipment) throws {
        guard let orderID = orderID(externalID: shipment.orderExternalID) else {
            throw IngestError.unknownOrder("shipment \(shipment.externalID)")
        }
        let outcome = try shipments.upsert(key: shipment.externalID, hash: shipment.contentHash) {
            try shipment.bindSQLiteColumns(to: $0, orderID: orderID)
        }
        counts.shipments.add(outcome)
    }

    /// Upserts a return of a stored order.
    mutating func upsertReturn(_ item: ReturnRequest) throws {
        guard let orderID = orderID(externalID: item.orderExternalID) else {
            throw IngestError.unknownOrder("return \(item.externalID)")
        }
        let outcome = try returns.upsert(key: item.externalID, hash: item.contentHash) {
            try item.bindSQLiteColumns(to: $0, orderID: orderID)
        }
        counts.returns.add(outcome)
    }
}
