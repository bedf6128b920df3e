import FlywheelCore
import Foundation

extension ReturnRequest {
    /// The return an API body describes, checked by the domain's rules.
    init(api body: Components.Schemas.Return) throws(APIProblem) {
        self.init(
            externalID: body.id, orderExternalID: body.orderId, requestedAt: body.requestedAt, reason: body.reason,
            status: body.status.flatMap { ReturnStatus(rawValue: $0.rawValue) } ?? .requested,
            quantity: body.quantity ?? 1, sku: body.sku)
        do { try validate() } catch { throw FieldPointer.problem(error, ownID: "return_id") }
    }

    /// The return as the API shows it.
    var api: Components.Schemas.Return {
        .init(
            id: externalID, orderId: orderExternalID, requestedAt: requestedAt, reason: reason,
            status: .init(rawValue: status.rawValue), quantity: quantity, sku: sku)
    }
}
