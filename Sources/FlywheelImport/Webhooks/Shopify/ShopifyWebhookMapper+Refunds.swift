import Foundation
import FlywheelCore

extension ShopifyWebhookMapper {
    /// `refunds/create`: one `Refund` whose amount is the sum of the successful `refund` transactions, keyed
    /// by Shopify's refund id. A refund that moved no money (a restock, a return without payout) is ignored.
    func mapRefund(_ payload: ShopifyRefundPayload, _ context: Context) throws(ShopifyWebhookError)
        -> ShopifyWebhookOutcome
    {
        let read = context.read
        let refundID = try read.id(payload.id, "id")
        let orderID = try read.id(payload.orderID, "order_id")
        let transactions = payload.transactions ?? []
        if transactions.contains(where: { $0.test == true }) {
            return .ignore(
                reason: "refund \(refundID) of order \(orderID) went through a test gateway (\"test\": true); "
                    + "test orders and their refunds are not stored")
        }
        // The shop's currency, from the refund's money sets (transactions may carry `currency: null`).
        let shopCurrency =
            payload.totalDutiesSet?.shopMoney.currencyCode
            ?? payload.refundLineItems?.lazy.compactMap { $0.subtotalSet?.shopMoney.currencyCode }.first
        var amount: Int64 = 0
        var currency: CurrencyCode?
        for (index, transaction) in transactions.enumerated()
        where transaction.kind.lowercased() == "refund" && transaction.status.lowercased() == "success" {
            let path = "transactions[\(index)]"
            let code: String
            if let given = ShopifyFieldReader.nonEmpty(transaction.currency) {
                code = given
            } else if let shopCurrency {
                code = shopCurrency
            } else {
                throw read.invalid(
                    path + ".currency", "is missing, and the refund names no shop currency in its money sets")
            }
            let transactionCurrency = try read.currency(code, path + ".currency")
            if let shopCurrency, shopCurrency.uppercased() != transactionCurrency.code {
                throw ShopifyWebhookError(
                    kind: .unsupported, topic: read.topic, path: path + ".currency",
                    reason: "is not the shop's currency: refunds paid out in the customer's currency cannot be "
                        + "stored against the order yet")
            }
            if let currency, currency != transactionCurrency {
                throw read.invalid(path + ".currency", "differs from the currency of the refund's other transactions")
            }
            currency = transactionCurrency
            amount = try read.sum(
                amount, try read.amount(transaction.amount, path + ".amount", transactionCurrency), "transactions")
        }
        guard let currency, amount > 0 else {
            return .ignore(
                reason: "refund \(refundID) of order \(orderID) moved no money (no successful refund transaction); "
                    + "it is not stored")
        }
        let refund = Refund(
            externalID: refundID, orderExternalID: orderID,
            createdAt: try read.instant(payload.createdAt, "created_at"),
            amountMinor: amount, currency: currency)
        let paths = ["refund_id": "id", "order_id": "order_id", "amount": "transactions", "reason": "note"]
        try context.check.run({ () throws(ValidationError) in try refund.validate() }, path: { paths[$0] ?? $0 })
        return .store(IngestBatch(refunds: [refund]), notStored: nil)
    }
}
