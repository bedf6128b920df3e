import FlywheelCore

extension SimulationModel {
    /// The stream of a customer's shipments, returns, refunds and feedback; separate from the history's
    /// stream, so the CSV (which needs only the history) is the same orders as the batches.
    static let eventsStream: UInt64 = 1

    /// Adds the customer of `history` with all its orders and what followed them to `batch`.
    func appendRecords(of history: CustomerHistory, to batch: inout IngestBatch) {
        let customerID = SimulationModel.customerID(history.index)
        batch.customers.append(customer(history, id: customerID))
        var random = RandomSource(seed: config.seed, index: UInt64(history.index), stream: SimulationModel.eventsStream)
        let mood = SimulationModel.moodMean + SimulationModel.moodDeviation * random.normal()
        for order in history.orders {
            let orderID = SimulationModel.orderID(customer: history.index, number: order.number)
            if order.isCancelled {
                batch.orders.append(domainOrder(order, of: history, id: orderID, customerID: customerID, refunded: 0))
                continue
            }
            let outcome = fulfil(order, of: history, orderID: orderID, random: &random, into: &batch)
            batch.orders.append(
                domainOrder(order, of: history, id: orderID, customerID: customerID, refunded: outcome.refunded))
            collectFeedback(
                order, of: history, orderID: orderID, outcome: outcome, mood: mood, random: &random, into: &batch)
        }
    }

    private func customer(_ history: CustomerHistory, id: String) -> Customer {
        let first = history.german ? PersonNames.germanFirst : PersonNames.englishFirst
        let last = history.german ? PersonNames.germanLast : PersonNames.englishLast
        let createdAt = date(history.orders[0].placedAt)
        return Customer(
            externalID: id, email: "c" + id.dropFirst() + "@example.com", firstName: first[history.firstName],
            lastName: last[history.lastName],
            birthday: history.birthday == Int.min ? nil : CivilDate(daysSinceEpoch: history.birthday),
            locale: history.german ? .de : .en,
            consent: MarketingConsent(
                email: history.emailConsent, sms: history.smsConsent, updatedAt: date(history.consentChangedAt)),
            createdAt: createdAt)
    }

    private func domainOrder(
        _ order: OrderRecord, of history: CustomerHistory, id: String, customerID: String, refunded: Int64
    ) -> Order {
        var lineItems: [LineItem] = []
        lineItems.reserveCapacity(Int(order.lineCount))
        for line in history.lines[Int(order.lineStart)..<Int(order.lineStart + order.lineCount)] {
            let item = catalogue.items[Int(line.product)]
            lineItems.append(
                LineItem(
                    sku: item.sku, title: item.title, quantity: Int(line.quantity), totalMinor: line.total,
                    category: item.category.title, vendor: Supplier.all[item.supplier].name))
        }
        let discounts =
            order.discountCode >= 0
            ? [DiscountApplication(code: codes[Int(order.discountCode)].code, amountMinor: order.discount)] : []
        let subtotal = order.subtotal
        let shippingCost = shipping(subtotal: subtotal)
        let total = subtotal + shippingCost
        let status: FinancialStatus =
            order.isCancelled ? .voided : refunded >= total ? .refunded : refunded > 0 ? .partiallyRefunded : .paid
        return Order(
            externalID: id, customerExternalID: customerID, placedAt: date(order.placedAt), channel: order.channel.name,
            source: "web", currency: .eur, lineItems: lineItems, discounts: discounts, subtotalMinor: subtotal,
            shippingMinor: shippingCost, taxMinor: includedVAT(gross: total), taxesIncluded: true, totalMinor: total,
            financialStatus: status, cancelledAt: order.isCancelled ? date(order.cancelledAt) : nil)
    }
}
