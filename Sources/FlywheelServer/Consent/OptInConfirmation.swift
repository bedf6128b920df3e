public import FlywheelCore
public import Foundation

/// A double opt-in confirmation to send: the customer, the address asked about and the signed link that
/// confirms it (`GET /c/confirm?t=…` shows a button; only its `POST` confirms).
public struct OptInConfirmation: Sendable, Hashable {
    public var customer: Customer
    /// The e-mail address the opt-in is for (the customer's at the time of the request).
    public var email: String
    public var url: URL
    public var expiresAt: Date

    public init(customer: Customer, email: String, url: URL, expiresAt: Date) {
        self.customer = customer
        self.email = email
        self.url = url
        self.expiresAt = expiresAt
    }
}
