import FlywheelCore
import Foundation

extension Checkout {
    /// The checkout an API body describes, checked by the domain's rules.
    init(api body: Components.Schemas.Checkout, now: Date) throws(APIProblem) {
        self.init(
            externalID: body.id, customerExternalID: body.customerId, email: body.email, createdAt: body.createdAt,
            updatedAt: body.updatedAt, currency: try CurrencyCode(api: body.currency, pointer: "/currency"),
            totalMinor: body.totalMinor,
            lines: (body.lineItems ?? []).map {
                CheckoutLine(sku: $0.sku, title: $0.title, quantity: $0.quantity, unitPriceMinor: $0.unitPriceMinor)
            },
            recoveryURL: body.recoveryUrl, completedAt: body.completedAt, orderExternalID: body.orderId)
        do { try validate(now: now) } catch { throw FieldPointer.problem(error, ownID: "checkout_id") }
    }

    /// The checkout as the API shows it.
    var api: Components.Schemas.Checkout {
        Components.Schemas.Checkout(
            id: externalID, customerId: customerExternalID, email: email, createdAt: createdAt, updatedAt: updatedAt,
            currency: currency.code, totalMinor: totalMinor,
            lineItems: lines.map {
                .init(sku: $0.sku, title: $0.title, quantity: $0.quantity, unitPriceMinor: $0.unitPriceMinor)
            },
            recoveryUrl: recoveryURL, completedAt: completedAt, orderId: orderExternalID)
    }
}
