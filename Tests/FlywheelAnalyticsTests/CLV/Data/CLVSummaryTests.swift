import FlywheelAnalytics
import Foundation
import Testing

@Suite("CLVSummary")
struct CLVSummaryTests {
    /// Customer 0: two transactions on day 0, one on day 7, two on day 14, holdout on days 30 (two), 35
    /// and 50 (after the observation end). Customer 1 first buys after the calibration end; customer 2
    /// never buys; customer 3 buys once.
    static let rows: [(customer: Int, day: Int, cents: Int64)] = [
        (0, 0, 500), (0, 0, 700), (0, 7, 1_000), (0, 14, 300), (0, 14, 200), (0, 30, 400), (0, 30, 100),
        (0, 35, 50), (0, 50, 9_999), (1, 25, 1_000), (3, 10, 1_234),
    ]

    static func log(_ rows: [(customer: Int, day: Int, cents: Int64)]) -> CLVTransactionLog {
        var log = CLVTransactionLog()
        for row in rows { log.append(customer: row.customer, day: row.day, minorUnits: row.cents) }
        return log
    }

    @Test("frequency, recency, age and values per the lifetimes definitions, in days")
    func handComputedDays() throws {
        let options = CLVSummaryOptions(calibrationEnd: 20, observationEnd: 40, timeUnit: .day)
        let summary = try CLVSummary(transactions: Self.log(Self.rows), options: options)
        #expect(summary.customer == [0, 3])
        #expect(summary.frequency == [2, 0])
        #expect(summary.recency == [14, 0])
        #expect(summary.age == [20, 10])
        #expect(summary.monetaryValue == [7.5, 0])  // (10.00 + 3.00 + 2.00) / 2 occasions
        #expect(summary.firstPurchaseDay == [0, 10])
        #expect(summary.lastPurchaseDay == [14, 10])
        #expect(summary.holdoutFrequency == [2, 0])  // days 30 and 35; day 50 is after the observation end
        #expect(summary.holdoutMonetaryValue == [2.75, 0])  // (4.00 + 1.00 + 0.50) / 2 occasions
        #expect(summary.holdoutDuration == 20)
        #expect(summary.totalFrequency == 2)
        #expect(summary.totalHoldoutFrequency == 2)
    }

    @Test("weeks divide day differences by 7; minor-unit digits scale the values")
    func weeksAndCurrencyDigits() throws {
        let options = CLVSummaryOptions(calibrationEnd: 20, observationEnd: 41, timeUnit: .week, minorUnitDigits: 0)
        let summary = try CLVSummary(transactions: Self.log(Self.rows), options: options)
        #expect(summary.recency == [2, 0])
        #expect(summary.age == [20.0 / 7, 10.0 / 7])
        #expect(summary.monetaryValue == [750, 0])
        #expect(summary.holdoutDuration == 3)
    }

    @Test("without an observation end there is no holdout and later transactions are ignored")
    func noHoldout() throws {
        let summary = try CLVSummary(transactions: Self.log(Self.rows), options: CLVSummaryOptions(calibrationEnd: 20))
        #expect(summary.holdoutFrequency.isEmpty)
        #expect(summary.holdoutMonetaryValue.isEmpty)
        #expect(summary.holdoutDuration == nil)
        #expect(summary.frequency == [2, 0])
    }

    @Test("the order of the transactions does not matter")
    func orderIndependent() throws {
        let options = CLVSummaryOptions(calibrationEnd: 20, observationEnd: 40, timeUnit: .day)
        let sorted = try CLVSummary(transactions: Self.log(Self.rows), options: options)
        var generator = CLVRandomSource(seed: 3)
        let shuffled = try CLVSummary(transactions: Self.log(Self.rows.shuffled(using: &generator)), options: options)
        #expect(shuffled.frequency == sorted.frequency)
        #expect(shuffled.recency == sorted.recency)
        #expect(shuffled.monetaryValue == sorted.monetaryValue)
        #expect(shuffled.holdoutFrequency == sorted.holdoutFrequency)
        #expect(shuffled.holdoutMonetaryValue == sorted.holdoutMonetaryValue)
    }

    @Test("random logs agree with a dictionary-based reference implementation")
    func matchesReference() throws {
        var generator = CLVRandomSource(seed: 11)
        var rows: [(customer: Int, day: Int, cents: Int64)] = []
        for _ in 0..<20_000 {
            rows.append((Int(generator.next() % 2_000), Int(generator.next() % 400), Int64(generator.next() % 10_000)))
        }
        let options = CLVSummaryOptions(calibrationEnd: 250, observationEnd: 380, timeUnit: .week)
        let summary = try CLVSummary(transactions: Self.log(rows), options: options)

        var byCustomer: [Int: [Int: Int64]] = [:]  // customer → day → summed value
        for row in rows where row.day <= 380 {
            byCustomer[row.customer, default: [:]][row.day, default: 0] += row.cents
        }
        let included = byCustomer.filter { $0.value.keys.min()! <= 250 }.keys.sorted()
        #expect(summary.customer == included)
        for (i, c) in summary.customer.enumerated() {
            let days = byCustomer[c]!
            let calibration = days.keys.filter { $0 <= 250 }.sorted()
            let holdout = days.keys.filter { $0 > 250 }
            let repeats = calibration.dropFirst()
            #expect(summary.frequency[i] == repeats.count)
            #expect(summary.recency[i] == Double(calibration.last! - calibration[0]) / 7)
            #expect(summary.age[i] == Double(250 - calibration[0]) / 7)
            let repeatValue = repeats.reduce(Int64(0)) { $0 + days[$1]! }
            #expect(
                summary.monetaryValue[i] == (repeats.isEmpty ? 0 : Double(repeatValue) / 100 / Double(repeats.count)))
            #expect(summary.holdoutFrequency[i] == holdout.count)
        }
    }

    @Test("CDNOW sample: the literature's counts and lifetimes' summaries")
    func cdnow() {
        let summary = CLVTestData.cdnowSummary
        let oracle = CLVTestData.oracle
        #expect(summary.count == 2_357)
        #expect(summary.count == oracle.data.customers)
        #expect(summary.totalFrequency == oracle.data.calibration_repeat_purchases)
        #expect(summary.frequency.filter { $0 > 0 }.count == oracle.data.repeaters)
        #expect(summary.totalHoldoutFrequency == 1_882)
        #expect(summary.holdoutDuration == 39)
        // Hardie's first customer: x = 2, tₓ = 30.43, T = 38.86, m̄ = 22.35 (rounded in his file).
        #expect(summary.frequency[0] == 2)
        #expect(abs(summary.recency[0] - 30.43) < 0.005)
        #expect(abs(summary.age[0] - 38.86) < 0.005)
        #expect(abs(summary.monetaryValue[0] - 22.345) < 1e-9)
        for expected in oracle.customers {
            let i = expected.customer - 1
            #expect(summary.customer[i] == i)
            #expect(summary.frequency[i] == expected.frequency)
            #expect(abs(summary.recency[i] - expected.recency) < 1e-9)
            #expect(abs(summary.age[i] - expected.T) < 1e-9)
            #expect(abs(summary.monetaryValue[i] - expected.monetary_value) < 1e-9)
            #expect(summary.holdoutFrequency[i] == expected.holdout_frequency)
        }
    }

    @Test("bad input is refused with a reason")
    func errors() {
        #expect(throws: CLVError.self) { try CLVTransactionLog(customers: [0, 1], days: [1], values: [1, 2]) }
        var negative = CLVTransactionLog()
        negative.append(customer: -1, day: 0, minorUnits: 1)
        #expect(throws: CLVError.self) {
            try CLVSummary(transactions: negative, options: CLVSummaryOptions(calibrationEnd: 5))
        }
        #expect(throws: CLVError.self) {
            try CLVSummary(
                transactions: Self.log(Self.rows), options: CLVSummaryOptions(calibrationEnd: 20, observationEnd: 19))
        }
        #expect(throws: CLVError.self) {
            try CLVSummary(transactions: Self.log(Self.rows), options: CLVSummaryOptions(calibrationEnd: -1))
        }
        do {
            _ = try CLVSummary(transactions: CLVTransactionLog(), options: CLVSummaryOptions(calibrationEnd: 0))
            Issue.record("an empty log has no customers")
        } catch {
            #expect(error.description.contains("calibration"))
        }
    }
}
