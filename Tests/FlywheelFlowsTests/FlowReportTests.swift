import FlywheelCore
import Testing

@testable import FlywheelFlows

@Suite("Measurement: funnel rates and incremental repeat rate with Newcombe's interval")
struct FlowReportTests {
    private func close(_ a: Double?, _ b: Double, _ tolerance: Double = 0.000_05) -> Bool {
        guard let a else { return false }
        return abs(a - b) < tolerance
    }

    @Test(
        "Newcombe (1998) Table II, method 10: his published intervals",
        arguments: [
            (56, 70, 48, 80, 0.0524, 0.3339), (9, 10, 3, 10, 0.1705, 0.8090), (6, 7, 2, 7, 0.0582, 0.8062),
            (5, 56, 0, 29, -0.0381, 0.1926),
        ])
    func newcombe(x1: Int, n1: Int, x2: Int, n2: Int, lower: Double, upper: Double) throws {
        let interval = try #require(
            ProportionInterval.newcombeDifference(successes1: x1, trials1: n1, successes2: x2, trials2: n2))
        #expect(close(interval.lower, lower))
        #expect(close(interval.upper, upper))
        #expect(close(interval.estimate, Double(x1) / Double(n1) - Double(x2) / Double(n2), 1e-12))
    }

    @Test("Wilson's interval for 81 of 263: 0.2553 to 0.3662")
    func wilson() throws {
        let interval = try #require(ProportionInterval.wilson(successes: 81, trials: 263))
        #expect(close(interval.lower, 0.2553))
        #expect(close(interval.upper, 0.3662))
        #expect(ProportionInterval.wilson(successes: 0, trials: 0) == nil)
        let zero = try #require(ProportionInterval.wilson(successes: 0, trials: 10))
        #expect(zero.lower == 0)
    }

    @Test("a flow report: rates, lift against the holdout and incremental revenue")
    func report() throws {
        let counts = FlowCounts(
            currency: .eur, entered: 9_000, holdoutEntered: 1_000, sent: 8_800, delivered: 8_600, opened: 4_300,
            clicked: 860,
            converted: 1_350, holdoutConverted: 100, revenueMinor: 6_750_000, holdoutRevenueMinor: 500_000)
        let report = FlowReport(counts: counts)
        #expect(close(report.deliveryRate, 8_600.0 / 8_800))
        #expect(report.openRate == 0.5)
        #expect(report.clickRate == 0.1)
        #expect(report.conversionRate == 0.15)
        #expect(report.holdoutConversionRate == 0.1)
        let lift = try #require(report.incrementalRepeatRate)
        #expect(close(lift.estimate, 0.05, 1e-12))
        #expect(lift.excludesZero)
        #expect(lift.lower > 0.02 && lift.upper < 0.07)
        #expect(report.incrementalRevenue == Money(minorUnits: 2_250_000, currency: .eur))
    }

    @Test("without a holdout there is no lift, and empty denominators give no rate")
    func noHoldout() {
        let report = FlowReport(counts: FlowCounts(currency: .eur, entered: 10, converted: 2))
        #expect(report.incrementalRepeatRate == nil)
        #expect(report.incrementalRevenue == nil)
        #expect(report.openRate == nil)
        #expect(report.conversionRate == 0.2)
    }
}
