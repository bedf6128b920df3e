public import FlywheelCore

/// What a webhook body comes to: records to store, or a reason why nothing is stored. Reasons name ids and
/// Shopify's own words (statuses, topics), never personal data, so the server can log them as they are.
public enum ShopifyWebhookOutcome: Hashable, Sendable {
    /// Store `batch` (one transaction). `notStored`, when set, says which part of the payload was left out
    /// and why.
    case store(IngestBatch, notStored: String?)
    /// Store nothing: a test order, a refund that moved no money, a cancelled fulfillment, a checkout
    /// without a customer.
    case ignore(reason: String)

    /// The records to store, or `nil` when the payload is ignored.
    public var batch: IngestBatch? {
        if case .store(let batch, _) = self { return batch }
        return nil
    }

    /// Why the payload, or part of it, is not stored; `nil` when everything in it is stored.
    public var reason: String? {
        switch self {
        case .store(_, let notStored): notStored
        case .ignore(let reason): reason
        }
    }
}
