public import FlywheelCore

/// A webhook body that cannot be turned into records. Each issue names the JSON path (`line_items[2].price`,
/// `customer.email`, `body` for the whole document) and the reason; never a value, so the description
/// carries no customer data and can be logged.
public struct ShopifyWebhookError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, for the server to choose its answer.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case malformedJSON, invalidPayload, invalidRecord, unsupported
        }

        private let base: Base

        /// The body is not JSON at all (empty, truncated, not UTF-8).
        public static let malformedJSON = Kind(base: .malformedJSON)
        /// The JSON is well-formed, but a field is missing, `null`, of the wrong type or has an unreadable
        /// value (money, time, currency, id).
        public static let invalidPayload = Kind(base: .invalidPayload)
        /// The payload reads, but the record it describes breaks the domain's rules (`validate(now:)`).
        public static let invalidRecord = Kind(base: .invalidRecord)
        /// The payload is valid but describes something Flywheel cannot store yet (a refund paid out in a
        /// currency other than the shop's). Sending it again will not help.
        public static let unsupported = Kind(base: .unsupported)

        /// The kind in words, e.g. `invalid payload`.
        public var description: String {
            switch base {
            case .malformedJSON: "malformed JSON"
            case .invalidPayload: "invalid payload"
            case .invalidRecord: "invalid record"
            case .unsupported: "unsupported"
            }
        }
    }

    /// What went wrong.
    public var kind: Kind
    /// The topic whose body was mapped.
    public var topic: ShopifyWebhookTopic
    /// Every problem found: `field` is the JSON path, `reason` what is wrong with it.
    public var issues: [ValidationIssue]

    /// An error with every issue found.
    public init(kind: Kind, topic: ShopifyWebhookTopic, issues: [ValidationIssue]) {
        self.kind = kind
        self.topic = topic
        self.issues = issues
    }

    /// One issue at `path`.
    public init(kind: Kind, topic: ShopifyWebhookTopic, path: String, reason: String) {
        self.init(kind: kind, topic: topic, issues: [ValidationIssue(field: path, reason: reason)])
    }

    /// The JSON path of the first issue.
    public var path: String { issues.first?.field ?? "body" }

    /// The reason of the first issue.
    public var reason: String { issues.first?.reason ?? "is invalid" }

    /// `orders/create webhook: invalid record: customer.email: is not a valid e-mail address`; no values.
    public var description: String {
        "\(topic.rawValue) webhook: \(kind): " + issues.map(\.description).joined(separator: "; ")
    }
}
