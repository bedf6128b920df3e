import Foundation

extension CLVSummary {
    /// Summarises a transaction log. Linear in the transactions: a counting sort by customer, then one pass
    /// per customer (a customer's transactions are sorted by day only if they are not already).
    public init(transactions log: CLVTransactionLog, options: CLVSummaryOptions) throws(CLVError) {
        self.init(options: options)
        let calibrationEnd = options.calibrationEnd
        let lastDay = options.observationEnd ?? calibrationEnd
        guard lastDay >= calibrationEnd else { throw .invalidPeriods }
        let hasHoldout = options.observationEnd != nil
        let unit = Double(options.timeUnit.days)
        var scale = 1.0
        for _ in 0..<max(0, options.minorUnitDigits) { scale *= 10 }

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
            let first = Int(sortedDays[range.lowerBound])
            guard first <= calibrationEnd else { continue }
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
            customer.append(c)
            frequency.append(repeatOccasions)
            recency.append(Double(lastCalibrationDay - first) / unit)
            age.append(Double(calibrationEnd - first) / unit)
            monetaryValue.append(repeatOccasions > 0 ? Double(repeatValue) / scale / Double(repeatOccasions) : 0)
            firstPurchaseDay.append(first)
            lastPurchaseDay.append(lastCalibrationDay)
            if hasHoldout {
                holdoutFrequency.append(holdoutOccasions)
                holdoutMonetaryValue.append(
                    holdoutOccasions > 0 ? Double(holdoutValue) / scale / Double(holdoutOccasions) : 0)
            }
        }
        guard !customer.isEmpty else { throw .noCustomers }
    }
}
