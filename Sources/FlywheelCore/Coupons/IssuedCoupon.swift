public import Foundation

/// A discount code issued to one customer (a flow's `issue_coupon` step): a percentage or a fixed amount off,
/// valid until a time.
///
/// Both `code` and `key` are unique in the store: issuing again under a stored key keeps the first coupon
/// (a step repeated after a crash issues one code), and a code is never given to two customers.
public struct IssuedCoupon: Hashable, Sendable {
    /// The code the customer types at checkout.
    public var code: String
    /// What issued it, unique: a flow effect's idempotency key.
    public var key: String
    /// The customer's external id.
    public var customerID: String
    /// Percent off (1…100), or `nil` for an amount off.
    public var percentOff: Int?
    /// Amount off in minor units of `currency`, or `nil` for a percentage.
    public var amountOff: Money?
    public var issuedAt: Date
    /// The first instant it is no longer valid.
    public var expiresAt: Date
    /// The flow and enrolment that issued it, if any (a later message of the enrolment shows it).
    public var flowID: String?
    public var enrolmentID: String?

    public init(
        code: String, key: String, customerID: String, percentOff: Int? = nil, amountOff: Money? = nil, issuedAt: Date,
        expiresAt: Date, flowID: String? = nil, enrolmentID: String? = nil
    ) {
        self.code = code
        self.key = key
        self.customerID = customerID
        self.percentOff = percentOff
        self.amountOff = amountOff
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.flowID = flowID
        self.enrolmentID = enrolmentID
    }
}
