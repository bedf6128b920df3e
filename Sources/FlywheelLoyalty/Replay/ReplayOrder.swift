/// One order as a columnar history hands it to `ProgrammeReplay.apply(_:newCustomerID:)`: numbers only —
/// no `Order`, no `String` — so that millions of them lie in one flat array the replay reads front to back.
///
/// It stands for an `Order` that is not cancelled, in the programme's currency, without discounts,
/// shipping or tax, whose lines carry no category (a plain-CSV order): its eligible amount is its total.
public struct ReplayOrder: Hashable, Sendable {
    /// The order id's `ExternalIDHash` (the ledger's order table is keyed by it: a repeated id earns once).
    public var keyHigh: UInt64
    public var keyLow: UInt64
    /// When it was placed, whole UTC seconds since 1970.
    public var placedAt: Int64
    /// Its total in minor units (the sum of its lines, none negative).
    public var totalMinor: Int64
    /// The customer's number in the columnar history (small, dense numbers: the replay keeps an array by
    /// them); the replay makes the customer a member when first seen, as it does for an `Order`'s id.
    public var customer: Int32

    /// An order of customer number `customer` placed at `placedAt` (UTC seconds) for `totalMinor`, its id hashed
    /// to `key`.
    public init(key: (high: UInt64, low: UInt64), customer: Int32, placedAt: Int64, totalMinor: Int64) {
        self.keyHigh = key.high
        self.keyLow = key.low
        self.customer = customer
        self.placedAt = placedAt
        self.totalMinor = totalMinor
    }
}
