public import FlywheelCore

extension MessageContext {
    /// Shows a checkout as the cart a reminder is about, formatted for `locale`: its lines (title, else SKU;
    /// quantity; quantity × unit price), its total, and the shop's link back to it as `links.cart`.
    public mutating func show(cart checkout: Checkout, locale: ShopLocale) {
        let format = MessageFormat(locale)
        cart = checkout.lines.map { line in
            Line(
                name: line.title ?? line.sku ?? "–", quantity: line.quantity,
                price: format.money(Money(minorUnits: line.totalMinor, currency: checkout.currency)))
        }
        cartTotal = format.money(checkout.total)
        if let url = checkout.recoveryURL { links["cart"] = url }
    }
}
