public import FlywheelCore
public import FlywheelLoyalty
public import Foundation

/// A plain-CSV order history read in columns (`ColumnarHistoryReader`, as `flywheel report` reads it) for
/// the loyalty replay (`flywheel loyalty simulate`): `ReplayColumns` — a customer number, the id's hash,
/// time and total per order, no `Order` value — for programmes whose rules need nothing more
/// (`ProgrammeReplay.columnarLimitation`). It stands for exactly what the command keeps of the same file
/// read as `Order`s (docs/performance.md, "The loyalty replay"): customers named with an e-mail are customer records
/// created at their earliest such order (whatever its time or currency), known from the window's start,
/// left out when created at or after its end; orders outside the window are left out, orders in another
/// currency only counted, and of one order id only the first in time order is replayed.
public struct ColumnarReplayHistory: Sendable {
    /// The customers and the orders to replay.
    public var columns = ReplayColumns()
    /// What the reader read.
    public private(set) var read = ColumnarHistory()
    /// Orders in the window (all currencies).
    public private(set) var orderCount = 0
    /// Orders in the window per currency, in order of first appearance.
    public private(set) var currencyCounts: [(currency: CurrencyCode, orders: Int)] = []
    /// The earliest and latest order time in the window, whole UTC seconds.
    public private(set) var firstEventAt: Int64?
    public private(set) var lastEventAt: Int64?

    /// The currencies the orders in the window are in.
    public var currencies: [CurrencyCode] { currencyCounts.map(\.currency) }
    /// Orders in `currency`.
    public func orders(in currency: CurrencyCode?) -> Int { currencyCounts.first { $0.currency == currency }?.orders ?? 0 }

    /// Reads the plain-CSV file `path` (`shop`, `currency`: as for `ColumnarHistoryReader`) for a programme
    /// in `programmeCurrency`, keeping the orders placed in `[start, end)` (`nil`: open); `nil` when the file
    /// has a row the importer would reject or that needs CSV quoting (then read it as `Order`s, with the
    /// importer's messages). Repeated order ids are found on every core. `progress` hears the fraction done.
    /// Throws `ImportFileError` when the file cannot be read.
    public static func read(
        path: String, shop: ShopSettings, currency: CurrencyCode?, programmeCurrency: CurrencyCode?, start: Date?,
        end: Date?, progress: (Double) -> Void = { _ in }
    ) throws -> ColumnarReplayHistory? {
        let reader = ColumnarHistoryReader(path: path, format: .csv, shop: shop, currency: currency)
        var history = ColumnarReplayHistory()
        var customerNumbers = HashedIDIndex()
        let lower = start.map(\.timeIntervalSince1970)
        let upper = end.map(\.timeIntervalSince1970)
        var reserved = false
        let outcome = try reader.read(progress: { progress($0 * 0.9) }) {
            piece, read in
            if !reserved {
                history.columns.orders.reserveCapacity(read.estimatedOrders)
                history.columns.customerIDs.reserveCapacity(read.estimatedCustomers)
                history.columns.namedAt.reserveCapacity(read.estimatedCustomers)
                customerNumbers.reserveCapacity(read.estimatedCustomers)
                reserved = true
            }
            var numbers: [Int32] = []
            numbers.reserveCapacity(piece.customerIDs.count)
            for id in piece.customerIDs {
                let (number, isNew) = customerNumbers.claim(id)
                if isNew {
                    history.columns.customerIDs.append(id)
                    history.columns.namedAt.append(Int64.max)
                }
                numbers.append(Int32(number))
            }
            history.add(piece, numbers: numbers, lower: lower, upper: upper, programmeCurrency: programmeCurrency)
        }
        guard case .read(let read) = outcome else { return nil }
        history.read = read
        progress(0.92)
        let partitions = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let repeated = RepeatedOrders(count: partitions)
        let columns = history.columns
        DispatchQueue.concurrentPerform(iterations: partitions) { partition in
            repeated.set(partition, columns.repeatedOrders(partition: partition, of: partitions))
        }
        history.columns.dropOrders(at: repeated.all.joined())
        return history
    }

    private mutating func add(
        _ piece: OrderColumns, numbers: [Int32], lower: Double?, upper: Double?, programmeCurrency: CurrencyCode?
    ) {
        // The piece's currencies: their place in `currencyCounts` (found at first use) and whether they are
        // the programme's.
        var places = [Int](repeating: -1, count: piece.currencies.count)
        let matches = piece.currencies.map { $0 == programmeCurrency }
        for index in 0..<piece.count {
            let customer = numbers[Int(piece.customer[index])]
            let placedAt = piece.placedAt[index]
            if piece.namesEmail[index] {
                columns.namedAt[Int(customer)] = min(columns.namedAt[Int(customer)], placedAt)
            }
            let seconds = Double(placedAt)
            guard lower.map({ seconds >= $0 }) ?? true, upper.map({ seconds < $0 }) ?? true else { continue }
            orderCount += 1
            if firstEventAt.map({ placedAt < $0 }) ?? true { firstEventAt = placedAt }
            if lastEventAt.map({ placedAt > $0 }) ?? true { lastEventAt = placedAt }
            let currency = Int(piece.currency[index])
            if places[currency] < 0 {
                let code = piece.currencies[currency]
                places[currency] = currencyCounts.firstIndex { $0.currency == code } ?? currencyCounts.count
                if places[currency] == currencyCounts.count { currencyCounts.append((code, 0)) }
            }
            currencyCounts[places[currency]].orders += 1
            guard matches[currency] else {
                columns.skippedOrders += 1
                continue
            }
            columns.orders.append(
                ReplayOrder(
                    key: (piece.keyHigh[index], piece.keyLow[index]), customer: customer, placedAt: placedAt,
                    totalMinor: piece.totalMinor[index]))
        }
    }
}

/// The repeated orders each partition found, written from several threads (each its own partition).
private final class RepeatedOrders: @unchecked Sendable {
    private var found: [[Int]]
    private let lock = NSLock()

    init(count: Int) { found = Array(repeating: [], count: count) }

    func set(_ partition: Int, _ positions: [Int]) { lock.withLock { found[partition] = positions } }

    var all: [[Int]] { lock.withLock { found } }
}
