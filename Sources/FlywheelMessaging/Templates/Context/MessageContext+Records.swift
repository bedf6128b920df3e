public import FlywheelCore

extension MessageContext {
    /// The context of a customer and (optionally) one of their orders, from the stored records, formatted
    /// for `locale`: the first name, the order's number, lines and total, the delivery window of its open
    /// shipments (the latest promise, as a day in the shop's calendar; none once everything has arrived)
    /// and the first line's product as the product a review or reorder message is about. Without a promise,
    /// the shop's usual `deliveryDays` give a window from the order's placing time (none once a shipment has
    /// arrived).
    public init(
        shop: Shop, customer: Customer, order: FlywheelCore.Order?, shipments: [Shipment] = [], locale: ShopLocale,
        calendar: ShopCalendar, deliveryDays: DeliveryDays? = nil
    ) {
        let format = MessageFormat(locale)
        var context = MessageContext(shop: shop, firstName: customer.firstName)
        if let order {
            let lines = order.lineItems.map { line in
                Line(
                    name: line.title ?? line.sku ?? "–", quantity: line.quantity,
                    price: format.money(Money(minorUnits: line.totalMinor, currency: order.currency)))
            }
            let open = shipments.filter { $0.deliveredAt == nil }
            let promise = open.compactMap(\.promisedBy).max()
            var window = promise.map { format.deliveryWindow(by: calendar.localDate(of: $0)) }
            let delivered = !shipments.isEmpty && open.isEmpty
            if window == nil, !delivered, let days = deliveryDays?.window(placedAt: order.placedAt, calendar: calendar) {
                window = format.deliveryWindow(from: days.from, to: days.to)
            }
            context.order = Order(
                number: order.externalID, total: format.money(order.total), deliveryWindow: window, lines: lines)
            context.productName = order.lineItems.first.flatMap { $0.title ?? $0.sku }
        }
        self = context
    }
}
