public import FlywheelCore
public import FlywheelFlows
public import Foundation

extension FlowPreview {
    /// The flow's messages for a stored customer: their name and locale, and the order `orderID` (default:
    /// their last order) with its lines, total and delivery window. Links point to `shop.url` (a preview has
    /// no signed links yet).
    /// - Throws: `PreviewError` naming the customer or order that is not stored, or the step and template
    ///   that cannot be rendered.
    public func messages(
        of flow: FlowDefinition, customerID: String, orderID: String? = nil, locale requested: ShopLocale?,
        store: any FlywheelStore, shop: MessageContext.Shop, defaultLocale: ShopLocale, now: Date
    ) async throws -> (locale: ShopLocale, messages: [PreviewMessage]) {
        guard let customer = try await store.customer(externalID: customerID) else {
            throw PreviewError("customer \(customerID): not found", isNotFound: true)
        }
        let order: Order?
        if let orderID {
            guard let found = try await store.order(externalID: orderID) else {
                throw PreviewError("order \(orderID): not found", isNotFound: true)
            }
            guard found.customerExternalID == customerID else {
                throw PreviewError("order \(orderID): belongs to another customer than \(customerID)", isNotFound: true)
            }
            order = found
        } else {
            order = try await store.orders(customerExternalID: customerID).last
        }
        var shipments: [Shipment] = []
        if let order { shipments = try await store.shipments(orderExternalID: order.externalID) }
        let locale = try Self.locale(for: flow, requested: requested, customer: customer.locale ?? defaultLocale)
        var context = MessageContext(
            shop: shop, customer: customer, order: order, shipments: shipments, locale: locale, calendar: calendar,
            deliveryDays: deliveryDays)
        context.links = Self.links(shop: shop, order: order?.externalID)
        return (locale, try messages(of: flow, context: context, locale: locale, now: now))
    }

    /// The flow's messages for a made-up customer (Jürgen / Jane with a two-line order on its way, points,
    /// a tier and suggestions), so every part of every template shows.
    public func sampleMessages(
        of flow: FlowDefinition, locale requested: ShopLocale?, shop: MessageContext.Shop, now: Date
    ) throws(PreviewError) -> (locale: ShopLocale, messages: [PreviewMessage]) {
        let locale = try Self.locale(for: flow, requested: requested, customer: nil)
        let context = Self.sampleContext(
            locale: locale, shop: shop, calendar: calendar, deliveryDays: deliveryDays, now: now)
        return (locale, try messages(of: flow, context: context, locale: locale, now: now))
    }

    /// The made-up customer of `sampleMessages`; their order, placed `now`, arrives in the window of
    /// `deliveryDays` when the shop gave one, else by three days from now.
    public static func sampleContext(
        locale: ShopLocale, shop: MessageContext.Shop, calendar: ShopCalendar, deliveryDays: DeliveryDays? = nil,
        now: Date
    ) -> MessageContext {
        let format = MessageFormat(locale)
        let german = locale == .de
        let euro = { (minor: Int64) in format.money(Money(minorUnits: minor, currency: .eur)) }
        let today = calendar.localDate(of: now)
        let window = deliveryDays?.window(placedAt: now, calendar: calendar)
        let lines = [
            MessageContext.Line(name: german ? "Espresso-Bohnen 1 kg" : "Espresso beans 1 kg", quantity: 2, price: euro(3_180)),
            MessageContext.Line(name: german ? "Filtertüten" : "Filter papers", quantity: 1, price: euro(660)),
        ]
        return MessageContext(
            shop: shop, firstName: german ? "Jürgen" : "Jane",
            order: MessageContext.Order(
                number: "1042", total: euro(3_840),
                deliveryWindow: window.map { format.deliveryWindow(from: $0.from, to: $0.to) }
                    ?? format.deliveryWindow(by: today.adding(days: 3)),
                lines: lines),
            productName: lines[0].name, cart: [lines[1]],
            points: MessageContext.Points(
                balance: 840, expiring: 200, expiryDate: format.date(today.adding(days: 14)), value: euro(840),
                expiringValue: euro(200)),
            tierName: "Gold",
            recommendations: [
                MessageContext.Recommendation(
                    name: german ? "Hafer-Drink Barista" : "Oat drink barista", url: shop.url + "/products/oat"),
                MessageContext.Recommendation(
                    name: german ? "Milchkännchen" : "Milk jug", url: shop.url + "/products/jug"),
            ],
            ticketReference: "MIR-1042", links: links(shop: shop, order: "1042"))
    }

    /// The message links under the shop's address (shop, cart, reorder, review, check-in answers; placeholder
    /// unsubscribe and preference links, which a real send replaces with signed ones).
    public static func links(shop: MessageContext.Shop, order: String?) -> [String: String] {
        let base = shop.url
        let orderPath = order.map { "/" + ($0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0) } ?? ""
        return [
            "shop": base, "cart": base + "/cart", "reorder": base + "/reorder" + orderPath,
            "review": base + "/review" + orderPath, "check_in_ok": base + "/check-in" + orderPath + "/ok",
            "check_in_problem": base + "/check-in" + orderPath + "/problem",
            "unsubscribe": base + "/c/unsubscribe?t=preview", "preferences": base + "/c/preferences?t=preview",
        ]
    }
}
