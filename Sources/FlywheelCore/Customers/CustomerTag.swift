public import Foundation

/// A label on a customer (`vip`, `make_it_right`), set by a flow's `tag_customer` step or by hand.
///
/// A customer holds each tag once: adding a tag the customer has keeps the first record.
public struct CustomerTag: Hashable, Sendable {
    /// The customer's external id.
    public var customerID: String
    public var tag: String
    public var taggedAt: Date
    /// What set it: a flow effect's idempotency key (`enr_…/tag_vip/4`) or `manual`.
    public var source: String

    public init(customerID: String, tag: String, taggedAt: Date, source: String) {
        self.customerID = customerID
        self.tag = tag
        self.taggedAt = taggedAt
        self.source = source
    }
}
