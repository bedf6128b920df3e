public import FlywheelCore
public import Foundation

/// What the runner knows about a customer when it advances an enrolment: loaded by the caller for each due
/// step (from the store, the analytics and loyalty modules), passed in, never fetched here.
public struct CustomerFacts: Hashable, Sendable {
    public var locale: ShopLocale?
    /// The customer's zone when known; quiet hours and `zone: customer` waits fall back to the shop's.
    public var timeZone: TimeZone?
    public var orderCount: Int
    public var totalSpentMinor: Int64
    public var firstOrderAt: Date?
    public var lastOrderAt: Date?
    public var predictedValueMinor: Int64?
    public var pAlive: Double?
    public var pointsBalance: Int
    /// When the customer's earliest points expire.
    public var pointsExpireAt: Date?
    public var tier: String?
    public var tags: Set<String>
    public var segments: Set<String>
    public var birthday: CivilDate?
    /// The expected delivery of the order the enrolment is about.
    public var expectedDeliveryAt: Date?
    /// An order is shipped and not yet delivered.
    public var orderInTransit: Bool
    public var contact: ContactFacts
    /// Shop-defined facts for `attribute.<name>` conditions.
    public var attributes: [String: FactValue]

    public init(
        locale: ShopLocale? = nil, timeZone: TimeZone? = nil, orderCount: Int = 0, totalSpentMinor: Int64 = 0,
        firstOrderAt: Date? = nil, lastOrderAt: Date? = nil, predictedValueMinor: Int64? = nil, pAlive: Double? = nil,
        pointsBalance: Int = 0, pointsExpireAt: Date? = nil, tier: String? = nil, tags: Set<String> = [],
        segments: Set<String> = [], birthday: CivilDate? = nil, expectedDeliveryAt: Date? = nil,
        orderInTransit: Bool = false, contact: ContactFacts = ContactFacts(), attributes: [String: FactValue] = [:]
    ) {
        self.locale = locale
        self.timeZone = timeZone
        self.orderCount = orderCount
        self.totalSpentMinor = totalSpentMinor
        self.firstOrderAt = firstOrderAt
        self.lastOrderAt = lastOrderAt
        self.predictedValueMinor = predictedValueMinor
        self.pAlive = pAlive
        self.pointsBalance = pointsBalance
        self.pointsExpireAt = pointsExpireAt
        self.tier = tier
        self.tags = tags
        self.segments = segments
        self.birthday = birthday
        self.expectedDeliveryAt = expectedDeliveryAt
        self.orderInTransit = orderInTransit
        self.contact = contact
        self.attributes = attributes
    }
}
