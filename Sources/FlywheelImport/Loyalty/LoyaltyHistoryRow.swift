public import Foundation

/// One movement of points in another provider's history export, neutral for every provider.
public struct LoyaltyHistoryRow: Hashable, Sendable {
    /// What the row did to the member's points.
    public enum Kind: String, Hashable, Sendable {
        /// Points earned (a positive change).
        case earned
        /// Points spent on a reward or deducted (a negative change).
        case spent
        /// Points that expired (a negative change whose type or reason says so).
        case expired
    }

    /// The line of the history file.
    public var line: Int
    /// The shop's customer id the row names, if any.
    public var customerID: String?
    /// The e-mail the row names (lower-cased), if any.
    public var email: String?
    /// When the points moved.
    public var at: Date
    /// How many points moved; positive.
    public var points: Int64
    public var kind: Kind
    /// Why, as the provider worded it (its description, else its type).
    public var reason: String
    /// The order the points came from, if the row names one.
    public var orderID: String?
    /// The provider's id of the row, when the export has one: the import key then.
    public var rowID: String?

    /// Makes a history row.
    public init(
        line: Int, customerID: String?, email: String?, at: Date, points: Int64, kind: Kind, reason: String,
        orderID: String? = nil, rowID: String? = nil
    ) {
        self.line = line
        self.customerID = customerID
        self.email = email
        self.at = at
        self.points = points
        self.kind = kind
        self.reason = reason
        self.orderID = orderID
        self.rowID = rowID
    }
}
