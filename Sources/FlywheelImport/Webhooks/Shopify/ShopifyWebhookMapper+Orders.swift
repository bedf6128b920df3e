import Foundation
import FlywheelCore

extension ShopifyWebhookMapper {
    /// `orders/create`, `orders/updated` and `orders/cancelled`: the order with its customer and the products
    /// of its lines, all upserts. Test orders are ignored.
    func mapOrder(_ payload: ShopifyOrderPayload, _ context: Context) throws(ShopifyWebhookError)
        -> ShopifyWebhookOutcome
    {
        let read = context.read
        let orderID = try read.id(payload.id, "id")
        if payload.test == true {
            return .ignore(reason: "order \(orderID) is a test order (\"test\": true); test orders are not stored")
        }
        let currency = try read.currency(payload.currency, "currency")
        let processedAt = ShopifyFieldReader.nonEmpty(payload.processedAt)
        let placedAtPath = processedAt == nil ? "created_at" : "processed_at"
        let placedAt = try read.instant(processedAt ?? payload.createdAt, placedAtPath)
        guard let status = FinancialStatus(text: payload.financialStatus) else {
            throw read.invalid(
                "financial_status",
                "is not a Shopify financial status (pending, authorized, partially_paid, paid, partially_refunded, "
                    + "refunded, voided)")
        }
        let lines = try readLines(payload, currency, read)
        let discounts = try readDiscounts(payload, currency, read)
        let shipping = try readShipping(payload, currency, discounts.shipping, read)
        var tax: Int64 = 0
        if let text = payload.totalTax { tax = try read.amount(text, "total_tax", currency) }
        var tip: Int64 = 0
        if let text = payload.totalTipReceived { tip = try read.amount(text, "total_tip_received", currency) }

        let locale = ShopifyFieldReader.nonEmpty(payload.customerLocale).flatMap(ShopLocale.init(tag:))
        let orderEmail = Self.normalizedEmail(payload.email)
        let extras = CustomerExtras(
            email: orderEmail.map { ($0, "email") }, billing: payload.billingAddress, locale: locale,
            createdAt: placedAt)
        var customer: Customer?
        var customerPath = "customer"
        if let object = payload.customer {
            customer = try customerRecord(object, at: "customer.", extras: extras, context)
            customerPath =
                Self.normalizedEmail(object.email) != nil
                ? "customer.email" : (orderEmail != nil ? "email" : "customer.id")
        } else if let orderEmail {
            customer = try customerRecord(email: orderEmail, extras: extras, context)
            customerPath = "email"
        }

        let order = Order(
            externalID: orderID, customerExternalID: customer?.externalID, placedAt: placedAt,
            source: ShopifyFieldReader.nonEmpty(payload.sourceName), currency: currency, lineItems: lines.items,
            discounts: discounts.applications,
            subtotalMinor: try read.amount(payload.subtotalPrice, "subtotal_price", currency),
            shippingMinor: shipping.amount, taxMinor: tax, taxesIncluded: payload.taxesIncluded ?? false,
            totalMinor: try read.amount(payload.totalPrice, "total_price", currency), financialStatus: status,
            cancelledAt: try read.optionalInstant(payload.cancelledAt, "cancelled_at"))
        let paths = ShopifyOrderPaths(
            placedAt: placedAtPath, shipping: shipping.path, customer: customerPath, lineTitles: lines.titleKeys,
            discounts: discounts.sources)
        try context.check.run(
            { () throws(ValidationError) in try order.validate(now: context.now) }, path: paths.path(for:),
            explain: { issue in
                guard issue.field == "total", tip > 0 else { return issue.reason }
                return issue.reason + " (the order includes a tip, which Flywheel does not model yet)"
            })

        var batch = IngestBatch()
        if let customer { batch.customers.append(customer) }
        batch.products = try products(of: lines, context)
        batch.orders.append(order)
        return .store(batch, notStored: nil)
    }

    /// The order's lines, and per line which key its title came from (`name`, else `title`).
    struct OrderLines {
        var items: [LineItem] = []
        var titleKeys: [String] = []
    }

    private func readLines(_ payload: ShopifyOrderPayload, _ currency: CurrencyCode, _ read: ShopifyFieldReader)
        throws(ShopifyWebhookError) -> OrderLines
    {
        var lines = OrderLines()
        var sum: Int64 = 0
        for (index, item) in payload.lineItems.enumerated() {
            let path = "line_items[\(index)]"
            let quantity = item.quantity.value
            // The domain's rule, checked here already: a negative quantity would make the line's total negative.
            guard quantity >= 0 else {
                throw ShopifyWebhookError(
                    kind: .invalidRecord, topic: read.topic, path: path + ".quantity", reason: "must be at least 1")
            }
            let unitPrice = try read.amount(item.price, path + ".price", currency)
            let (total, overflow) = unitPrice.multipliedReportingOverflow(by: quantity)
            guard !overflow else {
                throw read.invalid(path + ".price", "times the quantity is more than Flywheel can store")
            }
            sum = try read.sum(sum, total, "line_items")
            let name = ShopifyFieldReader.nonEmpty(item.name)
            lines.titleKeys.append(name == nil ? "title" : "name")
            lines.items.append(
                LineItem(
                    sku: ShopifyFieldReader.nonEmpty(item.sku), title: name ?? ShopifyFieldReader.nonEmpty(item.title),
                    quantity: Int(quantity), totalMinor: total, category: ShopifyFieldReader.nonEmpty(item.productType),
                    vendor: ShopifyFieldReader.nonEmpty(item.vendor)))
        }
        return lines
    }

    /// `total_shipping_price_set` in shop money (before discounts, as Shopify gives it) less the discounts
    /// allocated to shipping lines; without the set, the sum of the shipping lines' prices.
    private func readShipping(
        _ payload: ShopifyOrderPayload, _ currency: CurrencyCode, _ discount: Int64, _ read: ShopifyFieldReader
    ) throws(ShopifyWebhookError) -> (amount: Int64, path: String) {
        var amount: Int64 = 0
        let path: String
        if let set = payload.totalShippingPriceSet {
            path = "total_shipping_price_set.shop_money.amount"
            guard set.shopMoney.currencyCode.uppercased() == currency.code else {
                throw read.invalid(
                    "total_shipping_price_set.shop_money.currency_code", "differs from the order's currency")
            }
            amount = try read.amount(set.shopMoney.amount, path, currency)
        } else {
            path = "shipping_lines"
            for (index, line) in (payload.shippingLines ?? []).enumerated() {
                guard let price = line.price else { continue }
                amount = try read.sum(amount, try read.amount(price, "shipping_lines[\(index)].price", currency), path)
            }
        }
        guard discount <= amount else { throw read.invalid(path, "is less than the discounts allocated to shipping") }
        return (amount - discount, path)
    }

    /// One product per SKU of the order's lines (title, category, vendor), as the export import adds them.
    private func products(of lines: OrderLines, _ context: Context)
        throws(ShopifyWebhookError) -> [Product]
    {
        var products: [Product] = []
        var seen = Set<String>()
        for (index, line) in lines.items.enumerated() {
            guard let sku = line.sku, seen.insert(sku).inserted else { continue }
            let product = Product(sku: sku, title: line.title ?? sku, category: line.category, vendor: line.vendor)
            let path = "line_items[\(index)]"
            let titleKey = line.title == nil ? "sku" : lines.titleKeys[index]
            let paths = [
                "sku": path + ".sku", "title": path + "." + titleKey, "category": path + ".product_type",
                "vendor": path + ".vendor",
            ]
            try context.check.run({ () throws(ValidationError) in try product.validate() }, path: { paths[$0] ?? path })
            products.append(product)
        }
        return products
    }
}
