import Foundation

extension CLVSummary {
    /// Summarises a transaction log. Linear in the transactions: a counting sort by customer, then one pass
    /// per customer (a customer's transactions are sorted by day only if they are not already).
    public init(transactions log: CLVTransactionLog, options: CLVSummaryOptions) throws(CLVError) {
        self.init(options: options)
        let lastDay = options.observationEnd ?? options.calibrationEnd
        guard lastDay >= options.calibrationEnd else { throw .invalidPeriods }

        let customers = log.customers
        let days = log.days
        let values = log.values
        var customerCount = 0
        for (row, c) in customers.enumerated() {
            guard c >= 0 else { throw .invalidCustomer(row: row) }
            customerCount = max(customerCount, Int(c) + 1)
        }
        // Counting sort by customer of the transactions up to the last observed day.
        var offsets = [Int](repeating: 0, count: customerCount + 1)
        for i in customers.indices where Int(days[i]) <= lastDay { offsets[Int(customers[i]) + 1] += 1 }
        for c in 0..<customerCount { offsets[c + 1] += offsets[c] }
        let kept = offsets[customerCount]
        var sortedDays = [Int32](repeating: 0, count: kept)
        var sortedValues = [Int64](repeating: 0, count: kept)
        var cursor = offsets
        for i in customers.indices where Int(days[i]) <= lastDay {
            let c = Int(customers[i])
            sortedDays[cursor[c]] = days[i]
            sortedValues[cursor[c]] = values[i]
            cursor[c] += 1
        }

        var pairs: [(day: Int32, value: Int64)] = []
        let rules = Rules(options)
        for c in 0..<customerCount {
            let range = offsets[c]..<offsets[c + 1]
            guard !range.isEmpty else { continue }
            var ordered = true
            for j in range.dropFirst() where sortedDays[j] < sortedDays[j - 1] {
                ordered = false
                break
            }
            if !ordered {
                pairs.removeAll(keepingCapacity: true)
                for j in range { pairs.append((sortedDays[j], sortedValues[j])) }
                pairs.sort { $0.day < $1.day }
                for (k, pair) in pairs.enumerated() {
                    sortedDays[range.lowerBound + k] = pair.day
                    sortedValues[range.lowerBound + k] = pair.value
                }
            }
            sortedDays.withUnsafeBufferPointer { days in
                sortedValues.withUnsafeBufferPointer { values in
                    appendCustomer(c, days: days, values: values, range: range, rules: rules)
                }
            }
        }
        guard !customer.isEmpty else { throw .noCustomers }
    }

    /// Summarises customers' transactions given customer by customer, each customer's in day order:
    /// `transactions(c, &days, &values)` appends customer `c`'s days and values (`c` from 0 to
    /// `customerCount − 1`; none for a customer without transactions). The same summary as
    /// `init(transactions:options:)` over a log of those transactions: a customer's figures depend only on the
    /// sequence of its days and on sums of its values (integers), so the order of one day's transactions does
    /// not matter. Saves the log and its sort when the caller already has the transactions grouped (the
    /// report's CLV section: the engine's rows by customer, in time order).
    init(
        customerCount: Int, options: CLVSummaryOptions,
        transactions: (_ customer: Int, _ days: inout [Int32], _ values: inout [Int64]) -> Void
    ) throws(CLVError) {
        self.init(options: options)
        let lastDay = options.observationEnd ?? options.calibrationEnd
        guard lastDay >= options.calibrationEnd else { throw .invalidPeriods }
        let rules = Rules(options)
        // At most a row per customer: reserved once (growing nine columns by doubling copied each about twice).
        reserveRows(customerCount, holdout: rules.hasHoldout)
        var days: [Int32] = []
        var values: [Int64] = []
        for c in 0..<customerCount {
            days.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            transactions(c, &days, &values)
            precondition(days.count == values.count, "a day and a value for every transaction")
            // Transactions after the last observed day do not count, as in the log's summary.
            var kept = days.count
            while kept > 0 && Int(days[kept - 1]) > lastDay { kept -= 1 }
            guard kept > 0 else { continue }
            days.withUnsafeBufferPointer { days in
                values.withUnsafeBufferPointer { values in
                    for j in 1..<kept { precondition(days[j - 1] <= days[j], "transactions in day order") }
                    appendCustomer(c, days: days, values: values, range: 0..<kept, rules: rules)
                }
            }
        }
        guard !customer.isEmpty else { throw .noCustomers }
    }

    /// Room for `count` rows in every column (the holdout columns only with a holdout period).
    private mutating func reserveRows(_ count: Int, holdout: Bool) {
        customer.reserveCapacity(count)
        frequency.reserveCapacity(count)
        recency.reserveCapacity(count)
        age.reserveCapacity(count)
        monetaryValue.reserveCapacity(count)
        firstPurchaseDay.reserveCapacity(count)
        lastPurchaseDay.reserveCapacity(count)
        if holdout {
            holdoutFrequency.reserveCapacity(count)
            holdoutMonetaryValue.reserveCapacity(count)
        }
    }

    /// What the options make of a customer's transactions.
    private struct Rules {
        let calibrationEnd: Int
        let hasHoldout: Bool
        let unit: Double
        let scale: Double

        init(_ options: CLVSummaryOptions) {
            calibrationEnd = options.calibrationEnd
            hasHoldout = options.observationEnd != nil
            unit = Double(options.timeUnit.days)
            var scale = 1.0
            for _ in 0..<max(0, options.minorUnitDigits) { scale *= 10 }
            self.scale = scale
        }
    }

    /// Appends customer `c`'s row from its transactions `range` of `days` and `values` (in day order, none
    /// after the last observed day); nothing when its first transaction is after the calibration period.
    private mutating func appendCustomer(
        _ c: Int, days sortedDays: UnsafeBufferPointer<Int32>, values sortedValues: UnsafeBufferPointer<Int64>,
        range: Range<Int>, rules: Rules
    ) {
        let calibrationEnd = rules.calibrationEnd
        let first = Int(sortedDays[range.lowerBound])
        guard first <= calibrationEnd else { return }
        var repeatOccasions = 0
        var repeatValue: Int64 = 0
        var lastCalibrationDay = first
        var holdoutOccasions = 0
        var holdoutValue: Int64 = 0
        var currentDay = first
        for j in range {
            let day = Int(sortedDays[j])
            let value = sortedValues[j]
            if day != currentDay {
                currentDay = day
                if day <= calibrationEnd {
                    repeatOccasions += 1
                    lastCalibrationDay = day
                } else {
                    holdoutOccasions += 1
                }
            }
            if day > calibrationEnd {
                holdoutValue += value
            } else if day != first {
                repeatValue += value
            }
        }
        let unit = rules.unit
        let scale = rules.scale
        customer.append(c)
        frequency.append(repeatOccasions)
        recency.append(Double(lastCalibrationDay - first) / unit)
        age.append(Double(calibrationEnd - first) / unit)
        monetaryValue.append(repeatOccasions > 0 ? Double(repeatValue) / scale / Double(repeatOccasions) : 0)
        firstPurchaseDay.append(first)
        lastPurchaseDay.append(lastCalibrationDay)
        if rules.hasHoldout {
            holdoutFrequency.append(holdoutOccasions)
            holdoutMonetaryValue.append(
                holdoutOccasions > 0 ? Double(holdoutValue) / scale / Double(holdoutOccasions) : 0)
        }
    }
}
