public import FlywheelCore

extension OrderTable {
    /// Adds orders given as columns (an analysis-only reader's output, `OrderColumns`), with exactly the
    /// effect of adding, order by order, the `IngestBatch` the importer would have built for the same rows
    /// (its `Customer` record when the rows gave an e-mail, then its `Order`): the same customer, SKU and
    /// channel numbering (first appearance), replacement of an order id seen before, exclusion of other
    /// currencies.
    ///
    /// Fast because every distinct customer id, SKU and channel of the columns is interned once, not once
    /// per row, and no `Order` is built; what remains per order is array appends and the id index.
    public mutating func add(_ columns: OrderColumns) {
        var customerMap = [Int32](repeating: -1, count: columns.customerIDs.count)
        var skuMap = [Int32](repeating: -2, count: columns.skus.count)
        var channelMap = [Int32](repeating: -2, count: columns.channels.count)
        let inCurrency = columns.currencies.map { $0 == currency }

        func customerIndex(_ local: Int32) -> Int32 {
            let mapped = customerMap[Int(local)]
            if mapped >= 0 { return mapped }
            let index = customers.intern(columns.customerIDs[Int(local)])
            customerMap[Int(local)] = index
            return index
        }
        func sku(_ local: Int32) -> Int32 {
            guard local >= 0 else { return -1 }
            let mapped = skuMap[Int(local)]
            if mapped != -2 { return mapped }
            let index = products.intern(columns.skus[Int(local)])
            skuMap[Int(local)] = index
            return index
        }
        func channelIndex(_ local: Int32) -> Int32 {
            guard local >= 0 else { return -1 }
            let mapped = channelMap[Int(local)]
            if mapped != -2 { return mapped }
            let index = channels.intern(columns.channels[Int(local)])
            channelMap[Int(local)] = index
            return index
        }

        for i in 0..<columns.count {
            let key = RecordKey(high: columns.keyHigh[i], low: columns.keyLow[i])
            let existing = rowByKey.count == 0 ? nil : rowByKey.row(of: key)
            // The batch's customer record comes first: it registers the customer whatever the currency.
            if columns.namesEmail[i] { _ = customerIndex(columns.customer[i]) }
            guard inCurrency[Int(columns.currency[i])] else {
                setExclusion(.otherCurrency, for: key)
                if let existing { flags[Int(existing)].insert(.excluded) }
                continue
            }
            if !excludedOrderKeys.isEmpty { setExclusion(nil, for: key) }
            let owner = customerIndex(columns.customer[i])
            let seconds = columns.placedAt[i]
            let localDay = dayConverter.localDay(utcSeconds: seconds)
            latestPlacedAt = max(latestPlacedAt, seconds)
            let lines = columns.lines(of: i)

            guard let existing else {
                let row = rowByKey.append(key)
                let start = Int32(lineProduct.count)
                for line in lines {
                    lineProduct.append(sku(columns.lineSKU[line]))
                    lineCategory.append(-1)
                }
                customer.append(owner)
                day.append(localDay)
                month.append(Int16(MonthIndex.of(dayNumber: Int(localDay))))
                placedAt.append(seconds)
                gross.append(columns.totalMinor[i])
                net.append(columns.totalMinor[i])
                flags.append([])
                channel.append(channelIndex(columns.channel[i]))
                lineStart.append(start)
                lineCount.append(Int32(lines.count))
                nextOfCustomer.append(-1)
                link(row, to: owner)
                if !pendingRefunds.isEmpty, let waiting = pendingRefunds.removeValue(forKey: key) {
                    excluded.refundsWithoutOrder -= waiting.count
                    for refund in waiting { _ = add(refund) }
                }
                continue
            }

            let r = Int(existing)
            let previousOwner = customer[r]
            if previousOwner != owner {
                unlink(existing, from: previousOwner)
                link(existing, to: owner)
                customer[r] = owner
            }
            replaceLines(ofRow: r, with: lines.map { (sku(columns.lineSKU[$0]), Int32(-1)) })
            day[r] = localDay
            month[r] = Int16(MonthIndex.of(dayNumber: Int(localDay)))
            placedAt[r] = seconds
            gross[r] = columns.totalMinor[i]
            flags[r] = []
            channel[r] = channelIndex(columns.channel[i])
            applyRefunds(toRow: r)
        }
    }
}
