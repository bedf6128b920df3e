public import FlywheelCore

extension OrderTable {
    /// Adds every record of a batch, in the store's order (customers and products, orders, then what refers
    /// to them).
    public mutating func add(_ batch: IngestBatch) {
        for customer in batch.customers { add(customer) }
        for product in batch.products { add(product) }
        for order in batch.orders { add(order) }
        for refund in batch.refunds { add(refund) }
        for spend in batch.marketingSpend { add(spend) }
        for answer in batch.surveyAnswers { add(answer) }
        for review in batch.reviews { add(review) }
    }

    /// Adds a batch like `add(_:)` and returns the customers whose records changed.
    mutating func addReportingCustomers(_ batch: IngestBatch) -> Set<Int32> {
        var touched: Set<Int32> = []
        for customer in batch.customers { add(customer) }
        for product in batch.products { add(product) }
        for order in batch.orders { touched.formUnion(add(order)) }
        for refund in batch.refunds { touched.formUnion(add(refund)) }
        for spend in batch.marketingSpend { add(spend) }
        for answer in batch.surveyAnswers { touched.formUnion(add(answer)) }
        for review in batch.reviews { touched.formUnion(add(review)) }
        return touched
    }

    /// Registers a customer (one who never ordered still counts as a prospect).
    public mutating func add(_ customer: Customer) {
        _ = customers.intern(customer.externalID)
    }

    /// Records a product's category, used for line items that name their SKU but no category.
    public mutating func add(_ product: Product) {
        let index = Int(products.intern(product.sku))
        if productCategory.count <= index {
            productCategory.append(contentsOf: repeatElement(-1, count: index + 1 - productCategory.count))
        }
        productCategory[index] = categories.intern(product.category)
    }

    /// Adds an order, or replaces the one with its external id; returns the customers whose history changed.
    ///
    /// An order in another currency or without a customer is counted in `excluded` (and, when it replaces a
    /// held order, marks that row excluded).
    @discardableResult
    public mutating func add(_ order: Order) -> [Int32] {
        let key = RecordKey(order.externalID)
        let existing = rowByKey.row(of: key)
        let reason: ExclusionReason? =
            order.currency != currency ? .otherCurrency : order.customerExternalID == nil ? .guest : nil
        if let reason {
            setExclusion(reason, for: key)
            guard let existing else { return [] }
            flags[Int(existing)].insert(.excluded)
            return [customer[Int(existing)]]
        }
        setExclusion(nil, for: key)
        let customerIndex = customers.intern(order.customerExternalID!)
        let seconds = LocalDayConverter.seconds(of: order.placedAt)
        let localDay = dayConverter.localDay(utcSeconds: seconds)
        var orderFlags: OrderFlags = []
        if order.cancelledAt != nil || order.financialStatus == .voided { orderFlags.insert(.cancelled) }
        if !order.discounts.isEmpty { orderFlags.insert(.discounted) }
        latestPlacedAt = max(latestPlacedAt, seconds)

        guard let existing else {
            let row = rowByKey.append(key)
            let start = Int32(lineProduct.count)
            for line in order.lineItems {
                lineProduct.append(products.intern(line.sku))
                lineCategory.append(categories.intern(line.category))
            }
            customer.append(customerIndex)
            day.append(localDay)
            month.append(Int16(MonthIndex.of(dayNumber: Int(localDay))))
            placedAt.append(seconds)
            gross.append(order.totalMinor)
            net.append(order.totalMinor)
            flags.append(orderFlags)
            channel.append(channels.intern(order.channel))
            lineStart.append(start)
            lineCount.append(Int32(order.lineItems.count))
            nextOfCustomer.append(-1)
            link(row, to: customerIndex)
            if let waiting = pendingRefunds.removeValue(forKey: key) {
                excluded.refundsWithoutOrder -= waiting.count
                for refund in waiting { _ = add(refund) }
            }
            return [customerIndex]
        }

        let r = Int(existing)
        let previousCustomer = customer[r]
        if previousCustomer != customerIndex {
            unlink(existing, from: previousCustomer)
            link(existing, to: customerIndex)
            customer[r] = customerIndex
        }
        replaceLines(ofRow: r, with: order.lineItems)
        day[r] = localDay
        month[r] = Int16(MonthIndex.of(dayNumber: Int(localDay)))
        placedAt[r] = seconds
        gross[r] = order.totalMinor
        flags[r] = orderFlags
        channel[r] = channels.intern(order.channel)
        applyRefunds(toRow: r)
        return previousCustomer == customerIndex ? [customerIndex] : [previousCustomer, customerIndex]
    }

    /// Adds a refund, or replaces the one with its external id; returns the customers whose history changed.
    /// A refund whose order is not held yet waits for it (counted in `excluded.refundsWithoutOrder`).
    @discardableResult
    public mutating func add(_ refund: Refund) -> [Int32] {
        let orderKey = RecordKey(refund.orderExternalID)
        guard refund.currency == currency else {
            if excludedRefundKeys.insert(RecordKey(refund.externalID)).inserted {
                excluded.refundsInOtherCurrencies += 1
            }
            return []
        }
        guard let row = rowByKey.row(of: orderKey) else {
            if excludedOrderKeys[orderKey] != nil { return [] }
            var waiting = pendingRefunds[orderKey, default: []]
            if let index = waiting.firstIndex(where: { $0.externalID == refund.externalID }) {
                waiting[index] = refund
            } else {
                waiting.append(refund)
                excluded.refundsWithoutOrder += 1
            }
            pendingRefunds[orderKey] = waiting
            return []
        }
        var touchedRows: [Int32] = [row]
        if let previous = refundsByID[refund.externalID] {
            if previous.row == row && previous.amountMinor == refund.amountMinor { return [] }
            refundedByRow[previous.row, default: 0] -= previous.amountMinor
            if previous.row != row { touchedRows.append(previous.row) }
        }
        refundsByID[refund.externalID] = RefundEntry(row: row, amountMinor: refund.amountMinor)
        refundedByRow[row, default: 0] += refund.amountMinor
        var touched: [Int32] = []
        for touchedRow in touchedRows {
            applyRefunds(toRow: Int(touchedRow))
            let owner = customer[Int(touchedRow)]
            if !touched.contains(owner) { touched.append(owner) }
        }
        return touched
    }

    /// Records (or replaces) a channel's spend in a month; spend in another currency is counted and left out.
    public mutating func add(_ spend: MarketingSpend) {
        let channelIndex = channels.intern(spend.channel)
        let monthIndex = MonthIndex.of(CivilDate(year: spend.month.year, month: spend.month.month, day: 1)!)
        guard spend.amount.currency == currency else {
            let key = SpendLedger.Key(channel: channelIndex, month: Int32(monthIndex))
            if excludedSpendKeys.insert(key).inserted { excluded.spendInOtherCurrencies += 1 }
            return
        }
        self.spend.set(channel: channelIndex, month: monthIndex, amountMinor: spend.amount.minorUnits)
    }

    /// Adds a survey answer, or replaces the one with its external id; returns the customers whose feedback
    /// changed. A score outside the question's scale is counted and left out.
    @discardableResult
    public mutating func add(_ answer: SurveyAnswer) -> [Int32] {
        guard answer.question.scale.contains(answer.score) else {
            excluded.answersOutOfScale += 1
            return []
        }
        let customerIndex = customers.intern(answer.customerExternalID)
        let seconds = LocalDayConverter.seconds(of: answer.answeredAt)
        let (_, previous) = feedback.upsertAnswer(
            key: RecordKey(answer.externalID), customer: customerIndex, question: answer.question,
            score: Int8(answer.score), day: dayConverter.localDay(utcSeconds: seconds), at: seconds)
        if let previous {
            refreshLatestNPS(of: previous)
            if previous != customerIndex { refreshLatestNPS(of: customerIndex) }
            return previous == customerIndex ? [customerIndex] : [previous, customerIndex]
        }
        let c = Int(customerIndex)
        if answer.question == .nps && seconds >= customers.latestNPSAt[c] {
            customers.latestNPS[c] = Int8(answer.score)
            customers.latestNPSAt[c] = seconds
        }
        return [customerIndex]
    }

    /// Adds a review, or replaces the one with its external id; returns the customers whose feedback changed.
    @discardableResult
    public mutating func add(_ review: Review) -> [Int32] {
        let customerIndex = customers.intern(review.customerExternalID)
        let seconds = LocalDayConverter.seconds(of: review.createdAt)
        let previous = feedback.upsertReview(
            key: RecordKey(review.externalID), customer: customerIndex, rating: Int8(clamping: review.rating),
            day: dayConverter.localDay(utcSeconds: seconds), at: seconds)
        guard let previous else {
            customers.reviewCount[Int(customerIndex)] += 1
            return [customerIndex]
        }
        guard previous != customerIndex else { return [customerIndex] }
        customers.reviewCount[Int(previous)] -= 1
        customers.reviewCount[Int(customerIndex)] += 1
        return [previous, customerIndex]
    }

    // MARK: Internals

    mutating func setExclusion(_ reason: ExclusionReason?, for key: RecordKey) {
        let previous = excludedOrderKeys[key]
        guard previous != reason else { return }
        switch previous {
        case .otherCurrency?: excluded.ordersInOtherCurrencies -= 1
        case .guest?: excluded.guestOrders -= 1
        case nil: break
        }
        switch reason {
        case .otherCurrency?: excluded.ordersInOtherCurrencies += 1
        case .guest?: excluded.guestOrders += 1
        case nil: break
        }
        excludedOrderKeys[key] = reason
    }

    mutating func applyRefunds(toRow r: Int) {
        let refunded = refundedByRow[Int32(r)] ?? 0
        net[r] = max(0, gross[r] - refunded)
        if refunded > 0 && refunded >= gross[r] {
            flags[r].insert(.fullyRefunded)
        } else {
            flags[r].remove(.fullyRefunded)
        }
    }

    private mutating func replaceLines(ofRow r: Int, with items: [LineItem]) {
        var fresh: [(product: Int32, category: Int32)] = []
        fresh.reserveCapacity(items.count)
        for line in items { fresh.append((products.intern(line.sku), categories.intern(line.category))) }
        replaceLines(ofRow: r, with: fresh)
    }

    /// Replaces a row's line items by interned (product, category) pairs: in place when they fit.
    mutating func replaceLines(ofRow r: Int, with fresh: [(product: Int32, category: Int32)]) {
        let start = Int(lineStart[r])
        let count = Int(lineCount[r])
        if fresh.count <= count {
            for (offset, line) in fresh.enumerated() {
                lineProduct[start + offset] = line.product
                lineCategory[start + offset] = line.category
            }
            lineCount[r] = Int32(fresh.count)
            return
        }
        lineStart[r] = Int32(lineProduct.count)
        lineCount[r] = Int32(fresh.count)
        for line in fresh {
            lineProduct.append(line.product)
            lineCategory.append(line.category)
        }
    }

    mutating func link(_ row: Int32, to customerIndex: Int32) {
        let c = Int(customerIndex)
        nextOfCustomer[Int(row)] = -1
        let tail = customers.tailRow[c]
        if tail < 0 {
            customers.headRow[c] = row
        } else {
            nextOfCustomer[Int(tail)] = row
        }
        customers.tailRow[c] = row
    }

    mutating func unlink(_ row: Int32, from customerIndex: Int32) {
        let c = Int(customerIndex)
        var previous: Int32 = -1
        var current = customers.headRow[c]
        while current >= 0 && current != row {
            previous = current
            current = nextOfCustomer[Int(current)]
        }
        guard current == row else { return }
        let next = nextOfCustomer[Int(row)]
        if previous < 0 { customers.headRow[c] = next } else { nextOfCustomer[Int(previous)] = next }
        if customers.tailRow[c] == row { customers.tailRow[c] = previous }
        nextOfCustomer[Int(row)] = -1
    }

    private mutating func refreshLatestNPS(of customerIndex: Int32) {
        var score: Int8 = -1
        var at = Int64.min
        for i in 0..<feedback.answerCount
        where feedback.answerCustomer[i] == customerIndex && feedback.answerQuestion[i] == .nps
            && feedback.answerAt[i] >= at
        {
            score = feedback.answerScore[i]
            at = feedback.answerAt[i]
        }
        customers.latestNPS[Int(customerIndex)] = score
        customers.latestNPSAt[Int(customerIndex)] = at
    }
}

extension OrderTable {
    /// The held customers whose purchase history adding `batch` would change: the owners of replaced
    /// orders, the customers the batch's orders name, the owners of refunded orders (and of the orders a
    /// replaced refund pointed at). New customers are not in it (they have no history yet).
    func customersAffected(by batch: IngestBatch) -> Set<Int32> {
        var affected: Set<Int32> = []
        for order in batch.orders {
            if let row = rowByKey.row(of: RecordKey(order.externalID)) { affected.insert(customer[Int(row)]) }
            if let id = order.customerExternalID, let c = customers.index(of: id) { affected.insert(c) }
        }
        for refund in batch.refunds {
            if let row = rowByKey.row(of: RecordKey(refund.orderExternalID)) { affected.insert(customer[Int(row)]) }
            if let previous = refundsByID[refund.externalID] { affected.insert(customer[Int(previous.row)]) }
        }
        return affected
    }
}
