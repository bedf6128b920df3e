/// The rules of a refund that need its order: same currency, and all refunds together no more than the total.
public enum RefundRules {
    public static func check(_ refund: Refund, order: Order, otherRefunds: [Refund]) throws(IngestError) {
        guard refund.currency == order.currency else {
            throw IngestError(
                record: "refund \(refund.externalID)", field: "currency", reason: "differs from the order's currency")
        }
        let refunded = otherRefunds.reduce(refund.amountMinor) { $0 + $1.amountMinor }
        guard refunded <= order.totalMinor else {
            throw IngestError(
                record: "refund \(refund.externalID)", field: "amount",
                reason: "makes the order's refunds exceed its total")
        }
    }
}
