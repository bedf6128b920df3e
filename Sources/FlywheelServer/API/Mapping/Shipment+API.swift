import FlywheelCore
import Foundation

extension Shipment {
    /// The shipment an API body describes, checked by the domain's rules.
    init(api body: Components.Schemas.Shipment) throws(APIProblem) {
        self.init(
            externalID: body.id, orderExternalID: body.orderId, supplier: body.supplier, carrier: body.carrier,
            trackingNumber: body.trackingNumber, shippedAt: body.shippedAt, promisedBy: body.promisedBy,
            deliveredAt: body.deliveredAt)
        try checked()
    }

    /// Checks the domain's rules, as a 422.
    func checked() throws(APIProblem) {
        do { try validate() } catch { throw FieldPointer.problem(error, ownID: "shipment_id") }
    }

    /// The shipment after a carrier event.
    func applying(_ event: Components.Schemas.ShipmentEvent) throws(APIProblem) -> Shipment {
        var shipment = self
        switch event._type {
        case .shipped: shipment.shippedAt = event.at
        case .delivered: shipment.deliveredAt = event.at
        case .deliveryPromised:
            guard let promisedBy = event.promisedBy else {
                throw .invalid([.init(pointer: "/promised_by", detail: "is required for delivery_promised")])
            }
            shipment.promisedBy = promisedBy
        }
        try shipment.checked()
        return shipment
    }

    /// The shipment as the API shows it.
    var api: Components.Schemas.Shipment {
        .init(
            id: externalID, orderId: orderExternalID, supplier: supplier, carrier: carrier, trackingNumber: trackingNumber,
            shippedAt: shippedAt, promisedBy: promisedBy, deliveredAt: deliveredAt)
    }
}
