public import FlywheelCore
public import Foundation

/// An advance notice for flows: "120 points expire on 1 March".
public struct ExpiryNotice: Hashable, Sendable, Codable {
    /// The customer.
    public var customer: String
    /// How many points expire.
    public var points: Int64
    /// The instant they expire.
    public var expiresAt: Date
    /// The local date customers are told: the last day the points can be used is the day before.
    public var expiresOn: String
    /// A stable key for sending the notice once: `expiry-notice:<customer>:<date>`.
    public var key: String { "expiry-notice:\(customer):\(expiresOn)" }

    /// A notice; `expiresOn` is `expiresAt`'s local date in `calendar`'s zone.
    public init(customer: String, points: Int64, expiresAt: Date, calendar: ShopCalendar) {
        self.customer = customer
        self.points = points
        self.expiresAt = expiresAt
        self.expiresOn = calendar.localDate(of: expiresAt).description
    }
}
