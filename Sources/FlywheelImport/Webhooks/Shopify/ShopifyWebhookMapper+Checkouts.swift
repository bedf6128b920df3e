import FlywheelCore

extension ShopifyWebhookMapper {
    /// `checkouts/create` and `checkouts/update`: Flywheel has no checkout record yet (abandoned carts come
    /// with flows), so only the checkout's customer is stored; the outcome says that the checkout is not.
    func mapCheckout(_ payload: ShopifyCheckoutPayload, _ context: Context) throws(ShopifyWebhookError)
        -> ShopifyWebhookOutcome
    {
        var label = "the checkout"
        if let id = payload.id { label = "checkout \(try context.read.id(id, "id"))" }
        let notStored =
            "\(label) is not stored: Flywheel has no record for checkouts yet (abandoned carts come with flows)"
        guard let object = payload.customer else { return .ignore(reason: notStored + "; it names no customer") }
        let locale = ShopifyFieldReader.nonEmpty(payload.customerLocale).flatMap(ShopLocale.init(tag:))
        let customer = try customerRecord(object, at: "customer.", extras: CustomerExtras(locale: locale), context)
        return .store(IngestBatch(customers: [customer]), notStored: notStored + "; only its customer was stored")
    }
}
