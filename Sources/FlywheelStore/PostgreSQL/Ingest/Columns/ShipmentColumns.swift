import FlywheelCore
import PostgresNIO

/// Shipments of a batch as columns: one statement upserts them all by external id.
struct ShipmentColumns {
    private var externalID: [String] = []
    private var orderID: [Int64] = []
    private var supplier = NullableArray<String>()
    private var carrier = NullableArray<String>()
    private var trackingNumber = NullableArray<String>()
    private var shippedAt = NullableArray<PostgresTimestamp>()
    private var promisedBy = NullableArray<PostgresTimestamp>()
    private var deliveredAt = NullableArray<PostgresTimestamp>()
    private var contentHash: [Int64] = []

    var isEmpty: Bool { externalID.isEmpty }

    mutating func append(_ shipment: Shipment, orderID: Int64, hash: Int64) {
        externalID.append(shipment.externalID)
        self.orderID.append(orderID)
        supplier.append(shipment.supplier)
        carrier.append(shipment.carrier)
        trackingNumber.append(shipment.trackingNumber)
        shippedAt.append(shipment.shippedAt.map(PostgresTimestamp.init))
        promisedBy.append(shipment.promisedBy.map(PostgresTimestamp.init))
        deliveredAt.append(shipment.deliveredAt.map(PostgresTimestamp.init))
        contentHash.append(hash)
    }

    var upsert: PostgresQuery {
        """
        INSERT INTO shipments (external_id, order_id, supplier, carrier, tracking_number, shipped_at, promised_by, \
        delivered_at, content_hash)
        SELECT * FROM unnest(\(externalID)::text[], \(orderID)::bigint[], \(supplier)::text[], \(carrier)::text[], \
        \(trackingNumber)::text[], \(shippedAt)::timestamptz[], \(promisedBy)::timestamptz[], \
        \(deliveredAt)::timestamptz[], \(contentHash)::bigint[])
        ON CONFLICT (external_id) DO UPDATE SET order_id = excluded.order_id, supplier = excluded.supplier, \
        carrier = excluded.carrier, tracking_number = excluded.tracking_number, shipped_at = excluded.shipped_at, \
        promised_by = excluded.promised_by, delivered_at = excluded.delivered_at, content_hash = excluded.content_hash
        """
    }
}
