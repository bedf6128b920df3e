public import Foundation
public import FlywheelCore

/// Turns the raw JSON body of a Shopify webhook into the records Flywheel stores: pure, no I/O, no clock.
///
/// The HTTP route, the HMAC check and de-duplication belong to the server; this type only reads a body. It
/// keys records as the Shopify export import does (`docs/webhooks.md`): orders by Shopify's numeric id,
/// customers by lower-cased e-mail (else `shopify-customer:<id>`). Every record it returns has passed the
/// domain's rules; whatever cannot be read or breaks a rule throws a `ShopifyWebhookError` naming the JSON
/// path and the reason.
public struct ShopifyWebhookMapper: Sendable {
    /// The shop's calendar, for times without an offset (Shopify's times carry one).
    public let calendar: ShopCalendar

    /// A mapper for the shop whose calendar is `calendar`.
    public init(calendar: ShopCalendar) {
        self.calendar = calendar
    }

    /// Maps the body of one delivery of `topic`; `now` bounds how far in the future an order may be placed.
    public func map(topic: ShopifyWebhookTopic, body: Data, now: Date) throws(ShopifyWebhookError)
        -> ShopifyWebhookOutcome
    {
        let decoder = ShopifyPayloadDecoder(topic: topic)
        let context = Context(
            read: ShopifyFieldReader(topic: topic, calendar: calendar), check: ShopifyRecordCheck(topic: topic),
            now: now)
        switch topic {
        case .ordersCreate, .ordersUpdated, .ordersCancelled:
            return try mapOrder(try decoder.decode(ShopifyOrderPayload.self, from: body), context)
        case .refundsCreate:
            return try mapRefund(try decoder.decode(ShopifyRefundPayload.self, from: body), context)
        case .fulfillmentsCreate, .fulfillmentsUpdate:
            return try mapFulfillment(try decoder.decode(ShopifyFulfillmentPayload.self, from: body), context)
        case .customersCreate, .customersUpdate:
            return try mapCustomer(try decoder.decode(ShopifyCustomerPayload.self, from: body), context)
        case .checkoutsCreate, .checkoutsUpdate:
            return try mapCheckout(try decoder.decode(ShopifyCheckoutPayload.self, from: body), context)
        }
    }

    /// What every topic's mapping needs: value reading and rule checks for the topic, and "now".
    struct Context {
        let read: ShopifyFieldReader
        let check: ShopifyRecordCheck
        let now: Date
    }
}
