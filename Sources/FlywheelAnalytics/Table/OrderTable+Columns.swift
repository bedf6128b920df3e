public import FlywheelCore

extension OrderTable {
    /// Adds a file's orders given as columns (an analysis-only reader's pieces, `OrderColumns`, in file
    /// order), with exactly the effect of adding the `IngestBatch`es of `batchSize` orders the importer's
    /// reader would have produced for the same rows (`OrderHistoryReader.nextBatch(maxOrders:)`): in each
    /// batch first the `Customer` records (orders whose rows gave an e-mail), then the orders. So customers,
    /// SKUs and channels are numbered as before, an order id seen again replaces its order, and orders in
    /// another currency are excluded.
    ///
    /// Fast because every distinct customer id, SKU and channel of a piece is interned once, not once per
    /// row, and no `Order` is built; what remains per order is array appends and the id index. Each piece
    /// is released once its orders are in.
    public mutating func add(_ pieces: consuming [OrderColumns], batchSize: Int) {
        precondition(batchSize > 0, "the batch size must be positive")
        var cursors = pieces.map { ColumnsCursor(columns: $0) }
        pieces = []
        var piece = 0
        var order = 0
        while piece < cursors.count {
            // One batch: from (piece, order), `batchSize` orders or to the end, its customer records first.
            var end = (piece: piece, order: order)
            var remaining = batchSize
            while remaining > 0 && end.piece < cursors.count {
                let available = cursors[end.piece].columns.count - end.order
                let taken = min(available, remaining)
                for i in end.order..<end.order + taken where cursors[end.piece].columns.namesEmail[i] {
                    _ = cursors[end.piece].customerIndex(i, in: &self)
                }
                remaining -= taken
                end.order += taken
                if end.order == cursors[end.piece].columns.count { end = (end.piece + 1, 0) }
            }
            while (piece, order) < (end.piece, end.order) {
                if order == cursors[piece].columns.count {
                    cursors[piece] = ColumnsCursor(columns: OrderColumns())  // done: release it
                    piece += 1
                    order = 0
                    continue
                }
                if order % Self.warmWindow == 0 {
                    let columns = cursors[piece].columns
                    let ahead = order..<min(order + Self.warmWindow, columns.count)
                    rowByKey.warm(ahead.lazy.map { RecordKey(high: columns.keyHigh[$0], low: columns.keyLow[$0]) })
                }
                add(order: order, of: &cursors[piece])
                order += 1
            }
            if piece < cursors.count && order == cursors[piece].columns.count {
                cursors[piece] = ColumnsCursor(columns: OrderColumns())
                piece += 1
                order = 0
            }
        }
    }

    /// Orders whose id-index slots are loaded together ahead of their lookups (`RecordIndex.warm`).
    private static let warmWindow = 32

    /// Adds order `i` of a piece as `add(_ order: Order)` adds it (its customer record already added).
    private mutating func add(order i: Int, of cursor: inout ColumnsCursor) {
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
