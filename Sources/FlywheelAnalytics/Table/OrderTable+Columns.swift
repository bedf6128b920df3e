public import FlywheelCore
import Foundation

extension OrderTable {
    /// Adds a file's orders given as columns (pieces in file order) with `OrderColumnsLoader`: exactly the
    /// effect of the full reader's `IngestBatch`es of `batchSize` orders.
    public mutating func add(_ pieces: consuming [OrderColumns], batchSize: Int) {
        var loader = OrderColumnsLoader(batchSize: batchSize)
        var pieces = pieces
        for index in pieces.indices {
            let piece = pieces[index]
            pieces[index] = OrderColumns()
            loader.add(piece, to: &self)
        }
        loader.finish(&self)
    }

    /// Orders whose id-index slots are loaded together ahead of their lookups (`RecordIndex.warm`).
    static let warmWindow = 32

    /// Adds orders `range` of a piece, from the first on, with exactly the effect of `add(order:of:)` for each,
    /// as long as they are new orders in the table's currency and nothing is waiting (no excluded order, no
    /// refund waiting for its order): the rows are claimed in the id index one after the other, then every
    /// column is appended for all of them at once. Returns where it stopped: the first order that needs
    /// `add(order:of:)` (a repeated id, another currency), or `range.upperBound`.
    fileprivate mutating func addNew(_ range: Range<Int>, of cursor: inout ColumnsCursor) -> Int {
        guard !range.isEmpty, excludedOrderKeys.isEmpty, pendingRefunds.isEmpty else { return range.lowerBound }
        let columns = cursor.columns
        let lower = range.lowerBound
        let resolution = cursor.resolution
        let accepted = columns.currencies.map { $0 == currency }
        let claimed: Int
        if let resolution {
            claimed = resolution.newRun(from: lower, upTo: range.upperBound)
        } else {
            claimed = columns.keyHigh.withUnsafeBufferPointer { high in
                columns.keyLow.withUnsafeBufferPointer { low in
                    columns.currency.withUnsafeBufferPointer { currencyOf in
                        rowByKey.appendWhileNew(count: range.count, warmAhead: Self.warmWindow) { k in
                            let i = lower + k
                            return accepted[Int(currencyOf[i])] ? RecordKey(high: high[i], low: low[i]) : nil
                        }
                    }
                }
            }
        }
        guard claimed > 0 else { return lower }
        let upper = lower + claimed
        let firstRow = customer.count
        assert(resolution.map { Int($0.rows[lower]) == firstRow } ?? true, "the index stage numbers rows as the table")
        // Customers, SKUs and channels interned in order (each interner on its own, as one order at a time
        // would intern them), then every column appended.
        for i in lower..<upper { _ = cursor.customerIndex(i, in: &self) }
        let lineLower = columns.lines(of: lower).lowerBound
        let lineUpper = columns.lines(of: upper - 1).upperBound
        for line in lineLower..<lineUpper { _ = cursor.product(line, in: &self) }
        for i in lower..<upper { _ = cursor.channel(i, in: &self) }

        if let resolution {
            day.append(contentsOf: resolution.day[lower..<upper])
        } else {
            var converter = dayConverter
            day.append(count: claimed, filler: 0) { converter.localDay(utcSeconds: columns.placedAt[lower + $0]) }
            dayConverter = converter
        }
        let days = day
        month.append(count: claimed, filler: 0) { Int16(MonthIndex.of(dayNumber: Int(days[firstRow + $0]))) }
        customer.append(count: claimed, filler: 0) { cursor.mappedCustomer(lower + $0) }
        placedAt.append(contentsOf: columns.placedAt[lower..<upper])
        appendAmounts(columns.totalMinor[lower..<upper])
        flags.append(contentsOf: repeatElement([], count: claimed))
        channel.append(count: claimed, filler: 0) { cursor.mappedChannel(lower + $0) }
        let lineBase = Int32(lineProduct.count) - Int32(lineLower)
        lineStart.append(count: claimed, filler: 0) { Int32(columns.lines(of: lower + $0).lowerBound) + lineBase }
        lineCount.append(count: claimed, filler: 0) { Int32(columns.lines(of: lower + $0).count) }
        lineProduct.append(count: lineUpper - lineLower, filler: 0) { cursor.mappedProduct(lineLower + $0) }
        lineCategory.append(contentsOf: repeatElement(-1, count: lineUpper - lineLower))
        nextOfCustomer.append(contentsOf: repeatElement(-1, count: claimed))
        for row in firstRow..<firstRow + claimed { link(Int32(row), to: customer[row]) }
        latestPlacedAt = max(latestPlacedAt, columns.placedAt[lower..<upper].max()!)
        return upper
    }

    /// Adds order `i` of a piece as `add(_ order: Order)` adds it (its customer record already added).
    fileprivate mutating func add(order i: Int, of cursor: inout ColumnsCursor) {
        let key = RecordKey(high: cursor.columns.keyHigh[i], low: cursor.columns.keyLow[i])
        let resolution = cursor.resolution
        let existing = resolution.map { $0.held(i) } ?? (rowByKey.count == 0 ? nil : rowByKey.row(of: key))
        guard cursor.columns.currencies[Int(cursor.columns.currency[i])] == currency else {
            setExclusion(.otherCurrency, for: key)
            if let existing { flags[Int(existing)].insert(.excluded) }
            return
        }
        if !excludedOrderKeys.isEmpty { setExclusion(nil, for: key) }
        let owner = cursor.customerIndex(i, in: &self)
        let seconds = cursor.columns.placedAt[i]
        let localDay = resolution?.day[i] ?? dayConverter.localDay(utcSeconds: seconds)
        latestPlacedAt = max(latestPlacedAt, seconds)
        let lines = cursor.columns.lines(of: i)

        guard let existing else {
            let row: Int32
            if let resolution {
                row = Int32(customer.count)
                assert(resolution.rows[i] == row, "the index stage numbers rows as the table")
            } else {
                row = rowByKey.append(key)
            }
            let start = Int32(lineProduct.count)
            for line in lines {
                lineProduct.append(cursor.product(line, in: &self))
                lineCategory.append(-1)
            }
            customer.append(owner)
            day.append(localDay)
            month.append(Int16(MonthIndex.of(dayNumber: Int(localDay))))
            placedAt.append(seconds)
            gross.append(cursor.columns.totalMinor[i])
            net.append(cursor.columns.totalMinor[i])
            flags.append([])
            channel.append(cursor.channel(i, in: &self))
            lineStart.append(start)
            lineCount.append(Int32(lines.count))
            nextOfCustomer.append(-1)
            link(row, to: owner)
            if !pendingRefunds.isEmpty, let waiting = pendingRefunds.removeValue(forKey: key) {
                excluded.refundsWithoutOrder -= waiting.count
                for refund in waiting { _ = add(refund) }
            }
            return
        }

        let r = Int(existing)
        let previousOwner = customer[r]
        if previousOwner != owner {
            unlink(existing, from: previousOwner)
            link(existing, to: owner)
            customer[r] = owner
        }
        var fresh: [(product: Int32, category: Int32)] = []
        for line in lines { fresh.append((cursor.product(line, in: &self), -1)) }
        replaceLines(ofRow: r, with: fresh)
        day[r] = localDay
        month[r] = Int16(MonthIndex.of(dayNumber: Int(localDay)))
        placedAt[r] = seconds
        gross[r] = cursor.columns.totalMinor[i]
        flags[r] = []
        channel[r] = cursor.channel(i, in: &self)
        applyRefunds(toRow: r)
    }
}

/// Adds a file's orders given as columns (an analysis-only reader's pieces, `OrderColumns`, handed over in
/// file order as they are read) to a table, with exactly the effect of adding the `IngestBatch`es of
/// `batchSize` orders the importer's reader would have produced for the same rows
/// (`OrderHistoryReader.nextBatch(maxOrders:)`): in each batch first the `Customer` records (orders whose rows
/// gave an e-mail), then the orders. So customers, SKUs and channels are numbered as before, an order id
/// seen again replaces its order, and orders in another currency are excluded.
///
/// ```swift
/// var loader = OrderColumnsLoader(batchSize: 10_000)
/// for piece in pieces { loader.add(piece, to: &table) }   // adds every batch complete so far
/// loader.finish(&table)                                   // and the last one
/// ```
///
/// Fast because every distinct customer id, SKU and channel of a piece is interned once, not once per row,
/// and no `Order` is built; what remains per order is array appends and the id index (whose slots are
/// loaded 32 orders ahead, `RecordIndex.warm`). A piece is released once its orders are in.
///
/// On two cores or more (`concurrent`), and when no refund waits for its order, the id index is a stage of
/// its own (`OrderIndexStage`) on another thread: while the columns of the pieces so far are appended, the
/// next piece's order ids are claimed in the index, which numbers the rows exactly as the serial load does
/// (tests compare the two tables column by column). The table gets its index back in `finish`, so a loader
/// must be finished before the table is used.
public struct OrderColumnsLoader {
    /// Orders per batch of the full reader being reproduced.
    public let batchSize: Int
    /// Whether the id index may run beside the load (`OrderIndexStage`).
    public let concurrent: Bool
    /// Pieces not fully added; the first from `next` on.
    private var pending: [ColumnsCursor] = []
    private var next = 0
    /// The index stage, once the first piece came and `concurrent` applies.
    private var stage: OrderIndexStage?
    private var started = false

    /// A loader reproducing batches of `batchSize` orders; `concurrent` lets the id index run on a thread
    /// of its own when there are two cores or more.
    public init(batchSize: Int, concurrent: Bool = true) {
        precondition(batchSize > 0, "the batch size must be positive")
        self.batchSize = batchSize
        self.concurrent = concurrent
    }

    /// Takes the next piece and adds every batch that is complete (with the index stage: every batch
    /// complete before this piece, while the stage claims this piece's ids).
    public mutating func add(_ piece: OrderColumns, to table: inout OrderTable) {
        if !started {
            started = true
            if concurrent && ProcessInfo.processInfo.activeProcessorCount > 1 && table.pendingRefunds.isEmpty {
                stage = OrderIndexStage(index: table.rowByKey, currency: table.currency, timeZone: table.timeZone)
                table.rowByKey = RecordIndex()
            }
        }
        guard let stage else {
            pending.append(ColumnsCursor(columns: piece, resolution: nil))
            addBatches(to: &table, finishing: false)
            return
        }
        let (_, resolution) = ThreadedWork.pair({ addBatches(to: &table, finishing: false) }, { stage.resolve(piece) })
        pending.append(ColumnsCursor(columns: piece, resolution: resolution))
    }

    /// Adds what is left (the last batch), and gives the table its id index back.
    public mutating func finish(_ table: inout OrderTable) {
        addBatches(to: &table, finishing: true)
        if let stage {
            table.rowByKey = stage.index
            stage.index = RecordIndex()
            self.stage = nil
        }
    }

    private mutating func addBatches(to table: inout OrderTable, finishing: Bool) {
        while true {
            // The orders not added yet, and whether a whole batch is there.
            var available = -next
            for cursor in pending { available += cursor.columns.count }
            guard available > 0, available >= batchSize || finishing else { return }
            let size = min(batchSize, available)
            // The batch's customer records first.
            var piece = 0
            var order = next
            var remaining = size
            while remaining > 0 {
                let taken = min(pending[piece].columns.count - order, remaining)
                for i in order..<order + taken where pending[piece].columns.namesEmail[i] {
                    _ = pending[piece].customerIndex(i, in: &table)
                }
                remaining -= taken
                order += taken
                if order == pending[piece].columns.count && remaining > 0 {
                    piece += 1
                    order = 0
                }
            }
            // Then its orders.
            remaining = size
            while remaining > 0 {
                if next == pending[0].columns.count {
                    pending.removeFirst()  // done: released
                    next = 0
                    continue
                }
                // New orders in bulk; one at a time from the first that is not (a repeated id, another
                // currency) — and the next 32 orders so, before bulk is tried again.
                let end = min(pending[0].columns.count, next + remaining)
                let stop = table.addNew(next..<end, of: &pending[0])
                remaining -= stop - next
                next = stop
                guard next < end else { continue }
                let columns = pending[0].columns
                let single = min(end, next + OrderTable.warmWindow)
                if stage == nil {
                    table.rowByKey.warm((next..<single).lazy.map { RecordKey(high: columns.keyHigh[$0], low: columns.keyLow[$0]) })
                }
                for i in next..<single { table.add(order: i, of: &pending[0]) }
                remaining -= single - next
                next = single
            }
            while let first = pending.first, next == first.columns.count {
                pending.removeFirst()
                next = 0
            }
        }
    }
}

/// A piece being added, and its customers', SKUs' and channels' indexes in the table once interned (first
/// use, so the table numbers them in the order the full reader would).
private struct ColumnsCursor {
    let columns: OrderColumns
    /// The index stage's decisions for the piece; `nil` when the table's own index decides.
    let resolution: PieceResolution?
    private var customerMap: [Int32]
    private var productMap: [Int32]
    private var channelMap: [Int32]

    init(columns: OrderColumns, resolution: PieceResolution?) {
        self.columns = columns
        self.resolution = resolution
        customerMap = [Int32](repeating: -1, count: columns.customerIDs.count)
        productMap = [Int32](repeating: -2, count: columns.skus.count)
        channelMap = [Int32](repeating: -2, count: columns.channels.count)
    }

    /// The table's index of order `i`'s customer, once interned.
    func mappedCustomer(_ i: Int) -> Int32 { customerMap[Int(columns.customer[i])] }

    /// The table's product index of line `line`'s SKU (`-1` for none), once interned.
    func mappedProduct(_ line: Int) -> Int32 {
        let local = Int(columns.lineSKU[line])
        return local >= 0 ? productMap[local] : -1
    }

    /// The table's index of order `i`'s channel (`-1` for none), once interned.
    func mappedChannel(_ i: Int) -> Int32 {
        let local = Int(columns.channel[i])
        return local >= 0 ? channelMap[local] : -1
    }

    /// The table's index of order `i`'s customer.
    mutating func customerIndex(_ i: Int, in table: inout OrderTable) -> Int32 {
        let local = Int(columns.customer[i])
        let mapped = customerMap[local]
        if mapped >= 0 { return mapped }
        let index = table.customers.intern(columns.customerIDs[local])
        customerMap[local] = index
        return index
    }

    /// The table's product index of line `line`'s SKU, `-1` for none.
    mutating func product(_ line: Int, in table: inout OrderTable) -> Int32 {
        let local = Int(columns.lineSKU[line])
        guard local >= 0 else { return -1 }
        let mapped = productMap[local]
        if mapped != -2 { return mapped }
        let index = table.products.intern(columns.skus[local])
        productMap[local] = index
        return index
    }

    /// The table's index of order `i`'s channel, `-1` for none.
    mutating func channel(_ i: Int, in table: inout OrderTable) -> Int32 {
        let local = Int(columns.channel[i])
        guard local >= 0 else { return -1 }
        let mapped = channelMap[local]
        if mapped != -2 { return mapped }
        let index = table.channels.intern(columns.channels[local])
        channelMap[local] = index
        return index
    }
}

extension Array {
    /// Appends `count` elements, the k-th `element(k)`, written in place (no sharing check per element).
    @inline(__always)
    fileprivate mutating func append(count: Int, filler: Element, _ element: (Int) -> Element) {
        guard count > 0 else { return }
        let base = self.count
        append(contentsOf: repeatElement(filler, count: count))
        withUnsafeMutableBufferPointer { buffer in
            for k in 0..<count { buffer[base + k] = element(k) }
        }
    }
}
