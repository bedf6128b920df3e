/// Orders in column form, as an analysis-only reader takes them straight out of a file's bytes: no `Order`
/// value and no `String` per field, one array per field instead, and each distinct customer id, channel,
/// SKU and currency once. A file's orders come as several of these, one per chunk of the file, in file
/// order.
///
/// What an order of these columns means is what the `Order` the importer would have built for the same
/// rows means: its external id (kept only as `ExternalIDHash`), its customer, when it was placed, its
/// total, currency, channel and line items (SKU, no category). It is never cancelled and names no
/// discount — the formats read this way (plain CSV, CDNOW) have neither. `namesEmail` says the rows also
/// gave the customer's e-mail, so the importer's batch would have carried a `Customer` record with it.
public struct OrderColumns: Sendable {
    /// Customer ids, channels, SKUs and currencies, each once, in order of first appearance.
    public var customerIDs: [String] = []
    public var channels: [String] = []
    public var skus: [String] = []
    public var currencies: [CurrencyCode] = []

    // MARK: One entry per order, in file order

    /// The order's external id as `ExternalIDHash.hash`'s two halves.
    public var keyHigh: [UInt64] = []
    public var keyLow: [UInt64] = []
    /// The customer's index in `customerIDs`.
    public var customer: [Int32] = []
    /// When the order was placed, whole UTC seconds since 1970.
    public var placedAt: [Int64] = []
    /// The order's total (minor units of its currency).
    public var totalMinor: [Int64] = []
    /// The currency's index in `currencies`.
    public var currency: [UInt8] = []
    /// The channel's index in `channels`; `-1` when the order names none.
    public var channel: [Int32] = []
    /// Whether the order's rows gave the customer's e-mail (a `Customer` record comes with the order).
    public var namesEmail: [Bool] = []
    /// Order `i`'s line items are `lineEnd[i - 1] ..< lineEnd[i]` (from 0 for the first order).
    public var lineEnd: [Int32] = []

    // MARK: One entry per line item

    /// The line's SKU index in `skus`; `-1` when it names none.
    public var lineSKU: [Int32] = []

    /// No orders yet.
    public init() {}

    /// How many orders the columns hold.
    public var count: Int { customer.count }

    /// The line items of order `i`.
    public func lines(of i: Int) -> Range<Int> { (i == 0 ? 0 : Int(lineEnd[i - 1]))..<Int(lineEnd[i]) }
}
