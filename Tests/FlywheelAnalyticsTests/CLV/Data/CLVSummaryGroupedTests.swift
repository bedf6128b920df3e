@testable import FlywheelAnalytics
import Foundation
import Testing

@Suite("CLVSummary from transactions grouped by customer: the log's summary, without the log")
struct CLVSummaryGroupedTests {
    /// Random transactions of `customers` customers (some without any, several on one day, days out of order
    /// in the log, some after the observation end), as a log and grouped by customer in day order.
    static func transactions(customers: Int, seed: UInt64) -> (log: CLVTransactionLog, grouped: [[(Int32, Int64)]]) {
        var random = CLVRandomSource(seed: seed)
        var grouped = [[(Int32, Int64)]](repeating: [], count: customers)
        var rows: [(customer: Int, day: Int32, value: Int64)] = []
        for c in 0..<customers where random.next() % 5 != 0 {
            let first = Int32(random.next() % 400)
            for _ in 0..<Int(1 + random.next() % 6) {
                let day = first + Int32(random.next() % 3 == 0 ? 0 : random.next() % 300)
                let value = Int64(random.next() % 20_000) - 500  // refunds make some values negative
                rows.append((c, day, value))
                grouped[c].append((day, value))
            }
        }
        // The log in a shuffled order; the grouped transactions in day order (ties in any order).
        for i in rows.indices.reversed() where i > 0 { rows.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        var log = CLVTransactionLog()
        for row in rows { log.append(customer: row.customer, day: Int(row.day), minorUnits: row.value) }
        for c in grouped.indices { grouped[c].sort { $0.0 < $1.0 } }
        return (log, grouped)
    }

    static func expectEqual(_ a: CLVSummary, _ b: CLVSummary) {
        #expect(a.customer == b.customer)
        #expect(a.frequency == b.frequency)
        #expect(a.recency.map(\.bitPattern) == b.recency.map(\.bitPattern))
        #expect(a.age.map(\.bitPattern) == b.age.map(\.bitPattern))
        #expect(a.monetaryValue.map(\.bitPattern) == b.monetaryValue.map(\.bitPattern))
        #expect(a.firstPurchaseDay == b.firstPurchaseDay)
        #expect(a.lastPurchaseDay == b.lastPurchaseDay)
        #expect(a.holdoutFrequency == b.holdoutFrequency)
        #expect(a.holdoutMonetaryValue.map(\.bitPattern) == b.holdoutMonetaryValue.map(\.bitPattern))
    }

    @Test(
        "every column equal to the last bit, with and without a holdout period, in days and weeks",
        arguments: [
            CLVSummaryOptions(calibrationEnd: 500, timeUnit: .week, minorUnitDigits: 2),
            CLVSummaryOptions(calibrationEnd: 350, observationEnd: 600, timeUnit: .day, minorUnitDigits: 2),
            CLVSummaryOptions(calibrationEnd: 200, observationEnd: 450, timeUnit: .week, minorUnitDigits: 0),
        ])
    func sameAsTheLog(options: CLVSummaryOptions) throws {
        let (log, grouped) = Self.transactions(customers: 3_000, seed: 11)
        let fromLog = try CLVSummary(transactions: log, options: options)
        let fromGroups = try CLVSummary(customerCount: grouped.count, options: options) { c, days, values in
            for (day, value) in grouped[c] {
                days.append(day)
                values.append(value)
            }
        }
        #expect(fromGroups.count > 1_000)
        Self.expectEqual(fromGroups, fromLog)
    }

    @Test("no customer in the calibration period is the log's error")
    func noCustomers() {
        let options = CLVSummaryOptions(calibrationEnd: 10, timeUnit: .day)
        #expect(throws: CLVError.noCustomers) {
            _ = try CLVSummary(customerCount: 3, options: options) { c, days, values in
                guard c == 1 else { return }
                days.append(20)  // after the calibration end: not a customer of the summary
                values.append(100)
            }
        }
    }
}
