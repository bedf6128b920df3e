import FlywheelAnalytics
import FlywheelCore
import Foundation

extension CLVCommand {
    /// Turns order records into the CLV models' transaction log: one transaction per purchase, the customer
    /// as a dense index, the day in the shop's time zone, the value in minor units after refunds.
    ///
    /// Rules (the store's for repeated records, the retention metrics' for what is a purchase):
    /// - An order named again (same external id later in a file) replaces the earlier one.
    /// - Left out: guest orders (no customer), orders in another currency than the one analysed,
    ///   cancelled orders (`cancelledAt` set or status `voided`), and orders refunded in full (refunds
    ///   reaching a total above zero).
    /// - Refunds in the analysed currency are subtracted from their order's value (never below zero),
    ///   whenever they were issued; a refund named again replaces the earlier one.
    ///
    /// Memory: 26 bytes per order and one dictionary entry per customer and per refund; orders are
    /// recognised by a 64-bit hash of their id (two different ids colliding — odds about 3 in a million
    /// for 10 million orders — would count as one order).
    struct TransactionCollector {
        /// What the collector left out and why.
        struct Counts: Sendable {
            var orders = 0
            var used = 0
            var replaced = 0
            var guest = 0
            var otherCurrency = 0
            var cancelled = 0
            var fullyRefunded = 0
            var refundedMinor: Int64 = 0
        }

        /// The log and what goes with it.
        struct Result: Sendable {
            var log: CLVTransactionLog
            /// The customers' external ids by the log's customer index.
            var customerIDs: [String]
            var currency: CurrencyCode
            var counts: Counts
        }

        private struct RefundEntry {
            var order: UInt64
            var amountMinor: Int64
            var currency: UInt8
        }

        private static let cancelledFlag: UInt8 = 1
        private static let replacedFlag: UInt8 = 2

        private var customerIDs: [String] = []
        private var customerIndex: [String: Int32] = [:]
        private var currencies: [CurrencyCode] = []
        private var lastCurrency = -1
        // One row per order record, in arrival order.
        private var customer: [Int32] = []
        private var day: [Int32] = []
        private var total: [Int64] = []
        private var currency: [UInt8] = []
        private var flags: [UInt8] = []
        private var key: [UInt64] = []
        private var refunds: [UInt64: RefundEntry] = [:]
        private var days: LocalDayConverter
        private let ordersAreUnique: Bool

        /// A collector for a shop in `timeZone`; `ordersAreUnique` skips looking for repeated orders (the
        /// database lists each once).
        init(timeZone: TimeZone, ordersAreUnique: Bool) {
            days = LocalDayConverter(timeZone: timeZone)
            self.ordersAreUnique = ordersAreUnique
        }

        /// Takes a batch's orders and refunds (customers without orders do not enter the models).
        mutating func add(_ batch: IngestBatch) {
            batch.orders.withUnsafeBufferPointer { orders in
                for order in orders.indices { add(orders[order]) }
            }
            for refund in batch.refunds { add(refund) }
        }

        mutating func add(_ order: borrowing Order) {
            var c: Int32 = -1
            if let id = order.customerExternalID {
                if let known = customerIndex[id] {
                    c = known
                } else {
                    c = Int32(customerIDs.count)
                    customerIndex[id] = c
                    customerIDs.append(id)
                }
            }
            customer.append(c)
            day.append(days.localDay(of: order.placedAt))
            total.append(order.totalMinor)
            currency.append(intern(order.currency))
            flags.append(order.cancelledAt != nil || order.financialStatus == .voided ? Self.cancelledFlag : 0)
            key.append(Self.hash(order.externalID))
        }

        /// Takes a piece of a plain-CSV file read in columns (`ColumnarHistoryReader`): the same rows as the
        /// `Order`s the full reader would give (named customers, never cancelled, no refunds). Orders are
        /// recognised by their 128-bit id hash folded to 64 bits: only equal ids must give equal keys.
        mutating func add(_ columns: OrderColumns) {
            var customerMap = [Int32](repeating: -1, count: columns.customerIDs.count)
            let currencyMap = columns.currencies.map { intern($0) }
            customer.reserveCapacity(customer.count + columns.count)
            day.reserveCapacity(day.count + columns.count)
            total.reserveCapacity(total.count + columns.count)
            currency.reserveCapacity(currency.count + columns.count)
            flags.reserveCapacity(flags.count + columns.count)
            key.reserveCapacity(key.count + columns.count)
            for i in 0..<columns.count {
                let local = Int(columns.customer[i])
                var c = customerMap[local]
                if c < 0 {
                    let id = columns.customerIDs[local]
                    if let known = customerIndex[id] {
                        c = known
                    } else {
                        c = Int32(customerIDs.count)
                        customerIndex[id] = c
                        customerIDs.append(id)
                    }
                    customerMap[local] = c
                }
                customer.append(c)
                day.append(days.localDay(of: Date(timeIntervalSince1970: TimeInterval(columns.placedAt[i]))))
                total.append(columns.totalMinor[i])
                currency.append(currencyMap[Int(columns.currency[i])])
                flags.append(0)
                key.append(columns.keyHigh[i] ^ columns.keyLow[i])
            }
        }

        mutating func add(_ refund: borrowing Refund) {
            refunds[Self.hash(refund.externalID)] = RefundEntry(
                order: Self.hash(refund.orderExternalID), amountMinor: refund.amountMinor,
                currency: intern(refund.currency))
        }

        /// The transaction log in `requested` currency, else the orders' one currency, else `fallback` (the
        /// shop's); what was left out is counted.
        mutating func finish(currency requested: CurrencyCode?, fallback: CurrencyCode) -> Result {
            var counts = Counts()
            counts.orders = customer.count
            if !ordersAreUnique { markReplaced(&counts) }
            let chosen = requested ?? chooseCurrency(fallback: fallback)
            let chosenIndex = currencies.firstIndex(of: chosen).map(UInt8.init) ?? UInt8.max

            // Refunds per order in the chosen currency.
            var refunded: [UInt64: Int64] = [:]
            for entry in refunds.values where entry.currency == chosenIndex {
                refunded[entry.order, default: 0] += entry.amountMinor
            }

            // Keep the purchases, compacting the columns in place.
            var kept = 0
            for i in customer.indices {
                if flags[i] & Self.replacedFlag != 0 { continue }
                if customer[i] < 0 {
                    counts.guest += 1
                    continue
                }
                if currency[i] != chosenIndex {
                    counts.otherCurrency += 1
                    continue
                }
                if flags[i] & Self.cancelledFlag != 0 {
                    counts.cancelled += 1
                    continue
                }
                var value = total[i]
                if !refunded.isEmpty, let amount = refunded[key[i]] {
                    if amount >= value && value > 0 {
                        counts.fullyRefunded += 1
                        continue
                    }
                    counts.refundedMinor += min(amount, value)
                    value = max(0, value - amount)
                }
                customer[kept] = customer[i]
                day[kept] = day[i]
                total[kept] = value
                kept += 1
            }
            counts.used = kept
            // Hand the columns over without copying them.
            var customers: [Int32] = []
            var dayNumbers: [Int32] = []
            var values: [Int64] = []
            swap(&customers, &customer)
            swap(&dayNumbers, &day)
            swap(&values, &total)
            currency = []
            flags = []
            key = []
            customers.removeSubrange(kept...)
            dayNumbers.removeSubrange(kept...)
            values.removeSubrange(kept...)
            let log = try! CLVTransactionLog(customers: customers, days: dayNumbers, values: values)  // equal lengths
            return Result(log: log, customerIDs: customerIDs, currency: chosen, counts: counts)
        }

        /// Marks every order row that a later row with the same id replaces.
        private mutating func markReplaced(_ counts: inout Counts) {
            var sorted = key
            sorted.sort()
            var repeated = Set<UInt64>()
            var i = 1
            while i < sorted.count {
                if sorted[i] == sorted[i - 1] { repeated.insert(sorted[i]) }
                i += 1
            }
            guard !repeated.isEmpty else { return }
            var seen = Set<UInt64>()
            for row in key.indices.reversed() where repeated.contains(key[row]) {
                if !seen.insert(key[row]).inserted {
                    flags[row] |= Self.replacedFlag
                    counts.replaced += 1
                }
            }
        }

        /// The one currency of the customers' orders, else `fallback`.
        private func chooseCurrency(fallback: CurrencyCode) -> CurrencyCode {
            var used: UInt8?
            for i in customer.indices where customer[i] >= 0 && flags[i] & Self.replacedFlag == 0 {
                if used == nil {
                    used = currency[i]
                } else if used != currency[i] {
                    return fallback
                }
            }
            return used.map { currencies[Int($0)] } ?? fallback
        }

        private mutating func intern(_ code: CurrencyCode) -> UInt8 {
            if lastCurrency >= 0 && currencies[lastCurrency] == code { return UInt8(lastCurrency) }
            if let index = currencies.firstIndex(of: code) {
                lastCurrency = index
            } else {
                currencies.append(code)
                lastCurrency = currencies.count - 1
            }
            return UInt8(truncatingIfNeeded: lastCurrency)
        }

        /// FNV-1a over the id's UTF-8 bytes.
        private static func hash(_ id: String) -> UInt64 {
            var id = id
            return id.withUTF8 { bytes in
                var state: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in bytes {
                    state ^= UInt64(byte)
                    state &*= 0x0000_0100_0000_01b3
                }
                return state
            }
        }
    }
}
