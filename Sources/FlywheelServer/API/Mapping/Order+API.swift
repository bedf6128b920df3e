import FlywheelCore
import Foundation

extension Order {
    /// The order an API body describes, checked by the domain's rules.
    init(api body: Components.Schemas.Order, now: Date) throws(APIProblem) {
        self.init(
            externalID: body.id, customerExternalID: body.customerId, placedAt: body.placedAt, channel: body.channel,
            source: body.source, currency: try CurrencyCode(api: body.currency, pointer: "/currency"),
            lineItems: (body.lineItems ?? []).map {
                LineItem(
                    sku: $0.sku, title: $0.title, quantity: $0.quantity, totalMinor: $0.totalMinor, category: $0.category,
                    vendor: $0.vendor)
            },
            discounts: (body.discounts ?? []).map { DiscountApplication(code: $0.code, amountMinor: $0.amountMinor) },
            subtotalMinor: body.subtotalMinor, shippingMinor: body.shippingMinor ?? 0, taxMinor: body.taxMinor ?? 0,
            taxesIncluded: body.taxesIncluded ?? false, totalMinor: body.totalMinor,
            financialStatus: body.financialStatus.flatMap { FinancialStatus(rawValue: $0.rawValue) } ?? .paid,
            cancelledAt: body.cancelledAt)
        do { try validate(now: now) } catch { throw FieldPointer.problem(error, ownID: "order_id") }
    }

    /// The order as the API shows it.
    var api: Components.Schemas.Order {
        Components.Schemas.Order(
            id: externalID, customerId: customerExternalID, placedAt: placedAt, channel: channel, source: source,
            currency: currency.code,
            lineItems: lineItems.map {
                .init(
                    sku: $0.sku, title: $0.title, quantity: $0.quantity, totalMinor: $0.totalMinor, category: $0.category,
                    vendor: $0.vendor)
            },
            discounts: discounts.map { .init(code: $0.code, amountMinor: $0.amountMinor) }, subtotalMinor: subtotalMinor,
            shippingMinor: shippingMinor, taxMinor: taxMinor, taxesIncluded: taxesIncluded, totalMinor: totalMinor,
            financialStatus: .init(rawValue: financialStatus.rawValue), cancelledAt: cancelledAt)
    }
}
