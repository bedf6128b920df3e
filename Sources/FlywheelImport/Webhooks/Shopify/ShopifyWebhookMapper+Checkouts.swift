import FlywheelCore

extension ShopifyWebhookMapper {
    /// `checkouts/create` and `checkouts/update`: the checkout (keyed by its `token`), and its customer when
    /// the payload has one. A guest checkout keeps only its `email`; the abandoned-cart sweep finds the stored
    /// customer with that address, if any. Every update replaces the stored checkout (lines, total, times).
    func mapCheckout(_ payload: ShopifyCheckoutPayload, _ context: Context) throws(ShopifyWebhookError)
        -> ShopifyWebhookOutcome
    {
        let read = context.read
        guard let token = ShopifyFieldReader.nonEmpty(payload.token) else {
            throw read.invalid("token", "is missing: Flywheel keys checkouts by their token")
        }
        let currency = try read.currency(payload.currency, "currency")
        let createdAt = try read.instant(payload.createdAt, "created_at")
        let updatedAt = try read.optionalInstant(payload.updatedAt, "updated_at") ?? createdAt
        var lines: [CheckoutLine] = []
        for (index, item) in (payload.lineItems ?? []).enumerated() {
            let path = "line_items[\(index)]"
            let quantity = item.quantity.value
            guard quantity >= 1, quantity <= 100_000 else {
                throw ShopifyWebhookError(
                    kind: .invalidRecord, topic: read.topic, path: path + ".quantity", reason: "must be 1 to 100000")
            }
            let title = ShopifyFieldReader.nonEmpty(item.title)
            let variant = ShopifyFieldReader.nonEmpty(item.variantTitle)
            lines.append(
                CheckoutLine(
                    sku: ShopifyFieldReader.nonEmpty(item.sku),
                    title: variant.map { "\(title ?? "") - \($0)" } ?? title, quantity: Int(quantity),
                    unitPriceMinor: try read.amount(item.price, path + ".price", currency)))
        }
        let locale = ShopifyFieldReader.nonEmpty(payload.customerLocale).flatMap(ShopLocale.init(tag:))
        let email = Self.normalizedEmail(payload.email)
        var customer: Customer?
        if let object = payload.customer {
            customer = try customerRecord(
                object, at: "customer.", extras: CustomerExtras(email: email.map { ($0, "email") }, locale: locale),
                context)
        }
        guard customer != nil || email != nil else {
            return .ignore(reason: "checkout \(token) names no customer and no email; there is nobody to remind")
        }
        let checkout = Checkout(
            externalID: token, customerExternalID: customer?.externalID, email: email ?? customer?.email,
            createdAt: createdAt, updatedAt: max(updatedAt, createdAt), currency: currency,
            totalMinor: try read.amount(payload.totalPrice, "total_price", currency), lines: lines,
            recoveryURL: ShopifyFieldReader.nonEmpty(payload.abandonedCheckoutURL),
            completedAt: try read.optionalInstant(payload.completedAt, "completed_at"))
        let paths = [
            "checkout_id": "token", "customer_id": "customer", "recovery_url": "abandoned_checkout_url",
            "total": "total_price",
        ]
        try context.check.run({ () throws(ValidationError) in try checkout.validate(now: context.now) }) { field in
            if let path = paths[field] { return path }
            if field.hasSuffix(".unit_price") { return String(field.dropLast("unit_price".count)) + "price" }
            return field
        }
        var batch = IngestBatch(checkouts: [checkout])
        if let customer { batch.customers.append(customer) }
        return .store(batch, notStored: nil)
    }
}
