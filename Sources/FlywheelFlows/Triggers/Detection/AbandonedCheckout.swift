public import FlywheelCore
public import Foundation

/// What `CartAbandonmentDetector` needs to know about one checkout: the checkout, whose it is, and when that
/// customer ordered.
public struct AbandonedCheckout: Hashable, Sendable {
    public var checkout: Checkout
    /// The stored customer the checkout belongs to: its customer id, or for a guest the customer with the
    /// guest's e-mail address; `nil` when nobody is stored (a guest the shop has no customer record for).
    public var customerID: String?
    /// When the customer placed orders that were not cancelled (any order; the detector picks those after the
    /// checkout was created).
    public var orderTimes: [Date]

    public init(checkout: Checkout, customerID: String?, orderTimes: [Date] = []) {
        self.checkout = checkout
        self.customerID = customerID
        self.orderTimes = orderTimes
    }
}
