public import FlywheelCore

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

    /// Adds order `i` of a piece as `add(_ order: Order)` adds it (its customer record already added).
    fileprivate mutating func add(order i: Int, of cursor: inout ColumnsCursor) {
        let key = RecordKey(high: cursor.columns.keyHigh[i], low: cursor.columns.keyLow[i])
        let existing = rowByKey.count == 0 ? nil : rowByKey.row(of: key)
        guard cursor.columns.currencies[Int(cursor.columns.currency[i])] == currency else {
            setExclusion(.otherCurrency, for: key)
            if let existing { flags[Int(existing)].insert(.excluded) }
            return
        }
        if !excludedOrderKeys.isEmpty { setExclusion(nil, for: key) }
        let owner = cursor.customerIndex(i, in: &self)
        let seconds = cursor.columns.placedAt[i]
        let localDay = dayConverter.localDay(utcSeconds: seconds)
        latestPlacedAt = max(latestPlacedAt, seconds)
        let lines = cursor.columns.lines(of: i)

        guard let existing else {
            let row = rowByKey.append(key)
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
public struct OrderColumnsLoader {
    /// Orders per batch of the full reader being reproduced.
    public let batchSize: Int
    /// Pieces not fully added; the first from `next` on.
    private var pending: [ColumnsCursor] = []
    private var next = 0

    /// A loader reproducing batches of `batchSize` orders.
    public init(batchSize: Int) {
        precondition(batchSize > 0, "the batch size must be positive")
        self.batchSize = batchSize
    }

    /// Takes the next piece and adds every batch that is complete.
    public mutating func add(_ piece: OrderColumns, to table: inout OrderTable) {
        pending.append(ColumnsCursor(columns: piece))
        addBatches(to: &table, finishing: false)
    }

    /// Adds what is left (the last batch).
    public mutating func finish(_ table: inout OrderTable) { addBatches(to: &table, finishing: true) }

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
                if next % OrderTable.warmWindow == 0 {
                    let columns = pending[0].columns
                    let ahead = next..<min(next + OrderTable.warmWindow, columns.count)
                    table.rowByKey.warm(ahead.lazy.map { RecordKey(high: columns.keyHigh[$0], low: columns.keyLow[$0]) })
                }
                table.add(order: next, of: &pending[0])
                next += 1
                remaining -= 1
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
    private var customerMap: [Int32]
    private var productMap: [Int32]
    private var channelMap: [Int32]

    init(columns: OrderColumns) {
        self.columns = columns
        customerMap = [Int32](repeating: -1, count: columns.customerIDs.count)
        productMap = [Int32](repeating: -2, count: columns.skus.count)
        channelMap = [Int32](repeating: -2, count: columns.channels.count)
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
