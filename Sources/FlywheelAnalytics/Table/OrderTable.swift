public import FlywheelCore
public import Foundation

/// The shop's history as columns (a struct of arrays): one entry per order in each order column, one per
/// line item in each line column, indexed customers, interned channels, categories and SKUs, survey answers,
/// reviews and marketing spend. Built by appending FlywheelCore records (`OrderTable+Records.swift`);
/// every figure of the analytics engine is computed from these columns.
///
/// One currency: the shop's. Orders, refunds and spend in another currency are counted in `excluded` and
/// left out. Times are kept twice: UTC seconds, and the shop-local day number (days since 1970-01-01 in the
/// shop's zone), converted once on append, so no figure needs a `Calendar`.
///
/// About 70 bytes per order with two line items, plus 24–32 bytes per order for the id index.
public struct OrderTable: Sendable {
    /// The shop's currency; the only one counted.
    public let currency: CurrencyCode
    /// The shop's time zone, which decides local days, months, quarters and years.
    public let timeZone: TimeZone

    // MARK: Order columns (one entry per order row)

    /// The customer's index in `customers`.
    public internal(set) var customer: [Int32] = []
    /// The shop-local day the order was placed (days since 1970-01-01).
    public internal(set) var day: [Int32] = []
    /// The shop-local month (months since January 1900).
    public internal(set) var month: [Int16] = []
    /// When the order was placed, whole UTC seconds since 1970.
    public internal(set) var placedAt: [Int64] = []
    /// The order's total (minor units).
    public internal(set) var gross: [Int64] = []
    /// The total less its refunds, never below zero (minor units).
    public internal(set) var net: [Int64] = []
    /// Cancelled, discounted, fully refunded, excluded.
    public internal(set) var flags: [OrderFlags] = []
    /// The marketing channel's index in `channels`; `-1` when the order names none.
    public internal(set) var channel: [Int32] = []
    /// Where the order's line items start in the line columns, and how many there are.
    public internal(set) var lineStart: [Int32] = []
    public internal(set) var lineCount: [Int32] = []
    /// The next order row of the same customer, in arrival order (`-1`: the last).
    var nextOfCustomer: [Int32] = []

    // MARK: Line columns (one entry per line item)

    /// The SKU's index in `products`; `-1` when the line names none.
    public internal(set) var lineProduct: [Int32] = []
    /// The line's category index in `categories`; `-1` when the line names none (then the product
    /// catalogue's category of the SKU applies, see `category(ofLine:)`).
    public internal(set) var lineCategory: [Int32] = []

    // MARK: Dimensions and other records

    /// The customers, numbered from 0.
    public internal(set) var customers = CustomerDirectory()
    /// Marketing channels (orders' `channel` and spend's `channel` share the numbering).
    public internal(set) var channels = StringInterner()
    /// Product categories.
    public internal(set) var categories = StringInterner()
    /// SKUs.
    public internal(set) var products = StringInterner()
    /// A product's category from the catalogue (`Product.category`), by product index; `-1` unknown.
    var productCategory: [Int32] = []
    /// Survey answers and reviews.
    public internal(set) var feedback = FeedbackColumns()
    /// Marketing spend per channel and month.
    public internal(set) var spend = SpendLedger()
    /// What was left out, and why.
    public internal(set) var excluded = ExcludedRecords()
    /// The latest `placedAt` of any order held (UTC seconds); `Int64.min` when there is none.
    public internal(set) var latestPlacedAt = Int64.min

    var rowByKey = RecordIndex()
    var refundsByID: [String: RefundEntry] = [:]
    var refundedByRow: [Int32: Int64] = [:]
    var pendingRefunds: [RecordKey: [Refund]] = [:]
    var excludedOrderKeys: [RecordKey: ExclusionReason] = [:]
    var excludedRefundKeys: Set<RecordKey> = []
    var excludedSpendKeys: Set<SpendLedger.Key> = []
    var dayConverter: LocalDayConverter

    struct RefundEntry: Sendable {
        var row: Int32
        var amountMinor: Int64
    }

    enum ExclusionReason: Sendable {
        case otherCurrency
        case guest
    }

    /// An empty table for a shop that counts in `currency` and lives in `timeZone`.
    public init(currency: CurrencyCode, timeZone: TimeZone) {
        self.currency = currency
        self.timeZone = timeZone
        dayConverter = LocalDayConverter(timeZone: timeZone)
    }

    /// An empty table for the shop `settings` describe.
    public init(settings: ShopSettings) {
        self.init(currency: settings.currency, timeZone: settings.calendar.timeZone)
    }

    /// How many order rows the table holds (cancelled and excluded ones included).
    public var orderCount: Int { customer.count }

    /// How many line items the table holds.
    public var lineItemCount: Int { lineProduct.count }

    /// The row of an order, by its external id.
    public func row(ofOrder externalID: String) -> Int? { rowByKey.row(of: RecordKey(externalID)).map(Int.init) }

    /// The category of a line: its own, else the catalogue's for its SKU, else `-1`.
    @inline(__always)
    public func category(ofLine line: Int) -> Int32 {
        Self.category(own: lineCategory[line], product: lineProduct[line], productCategory: productCategory)
    }

    /// `category(ofLine:)` from a line's own category and product, and the catalogue's categories by product
    /// (an array, or a buffer for loops that read the columns in place).
    @inline(__always)
    static func category<Catalogue: RandomAccessCollection<Int32>>(
        own: Int32, product: Int32, productCategory: Catalogue
    ) -> Int32 where Catalogue.Index == Int {
        if own >= 0 { return own }
        return product >= 0 && Int(product) < productCategory.count
            ? productCategory[productCategory.startIndex + Int(product)] : -1
    }

    /// The SKU index of an order's first line item, `-1` when it has none or the line names no SKU.
    public func firstProduct(ofRow row: Int) -> Int32 {
        lineCount[row] > 0 ? lineProduct[Int(lineStart[row])] : -1
    }

    /// The category of an order's first line item that has one, `-1` when none has.
    public func firstCategory(ofRow row: Int) -> Int32 {
        let start = Int(lineStart[row])
        for line in start..<start + Int(lineCount[row]) {
            let category = category(ofLine: line)
            if category >= 0 { return category }
        }
        return -1
    }

    /// The rows of a customer's orders, in arrival order (excluded and cancelled ones included).
    func rows(ofCustomer customer: Int32) -> [Int32] {
        var rows: [Int32] = []
        var row = customers.headRow[Int(customer)]
        while row >= 0 {
            rows.append(row)
            row = nextOfCustomer[Int(row)]
        }
        return rows
    }

    /// Reserves room for `orders` orders, `lines` line items and `customers` customers in all (a bulk load
    /// of known size grows no array).
    public mutating func reserveCapacity(orders: Int, lines: Int, customers customerCount: Int = 0) {
        if customerCount > 0 { customers.reserveCapacity(customerCount) }
        day.reserveCapacity(orders)
        customer.reserveCapacity(orders)
        month.reserveCapacity(orders)
        placedAt.reserveCapacity(orders)
        reserveAmounts(orders)
        flags.reserveCapacity(orders)
        channel.reserveCapacity(orders)
        lineStart.reserveCapacity(orders)
        lineCount.reserveCapacity(orders)
        nextOfCustomer.reserveCapacity(orders)
        rowByKey.reserveCapacity(orders)
        lineProduct.reserveCapacity(lines)
        lineCategory.reserveCapacity(lines)
    }
}
