import FlywheelCore
import Foundation

extension Refund {
    /// The refund an API body describes, checked by the domain's rules.
    init(api body: Components.Schemas.Refund) throws(APIProblem) {
        self.init(
            externalID: body.id, orderExternalID: body.orderId, createdAt: body.createdAt, amountMinor: body.amountMinor,
            currency: try CurrencyCode(api: body.currency, pointer: "/currency"), reason: body.reason)
        do { try validate() } catch { throw FieldPointer.problem(error, ownID: "refund_id") }
    }

    /// The refund as the API shows it.
    var api: Components.Schemas.Refund {
        .init(
            id: externalID, orderId: orderExternalID, createdAt: createdAt, amountMinor: amountMinor,
            currency: currency.code, reason: reason)
    }
}
