import Foundation
import Testing

@testable import FlywheelAnalytics

@Suite("CLVForecast")
struct CLVForecastTests {
    @Test("CDNOW holdout, weeks 40–78: our prediction next to lifetimes' (within 1 %) and the actual 1,882")
    func cdnowHoldout() throws {
        let summary = CLVTestData.cdnowSummary
        let oracle = CLVTestData.oracle
        let options = CLVForecastOptions(horizon: try #require(summary.holdoutDuration))
        let bg = CLVForecast(summary: summary, model: try BGNBDModel.fit(summary).model, options: options)
        let pareto = CLVForecast(summary: summary, model: try ParetoNBDModel.fit(summary).model, options: options)
        #expect(summary.totalHoldoutFrequency == oracle.data.holdout_actual)
        #expect(
            CLVTestData.isClose(
                bg.totalExpectedPurchases, try #require(oracle.bgnbd.holdout_prediction), relative: 0.01))
        #expect(
            CLVTestData.isClose(
                pareto.totalExpectedPurchases, try #require(oracle.paretonbd.holdout_prediction), relative: 0.01))
        // Both models under-predict CDNOW's holdout by about 12 % (1,653 and 1,666 against 1,882).
        #expect(CLVTestData.isClose(bg.totalExpectedPurchases, 1_653.4, relative: 0.002))
        #expect(CLVTestData.isClose(pareto.totalExpectedPurchases, 1_665.5, relative: 0.002))
    }

    @Test("per-customer CLV equals lifetimes' customer_lifetime_value (12 months, 1 % a month, weeks)")
    func lifetimeValueMatchesLifetimes() {
        let oracle = CLVTestData.oracle
        let summary = CLVTestData.cdnowSummary
        let forecast = CLVForecast(
            summary: summary, model: oracle.bgnbd.model, spend: oracle.gamma_gamma.model,
            options: CLVForecastOptions(horizon: 39, months: 12, monthlyDiscountRate: 0.01))
        for c in oracle.customers {
            let i = c.customer - 1
            #expect(
                CLVTestData.isClose(forecast.lifetimeValue[i], c.bgnbd_clv_12_months_1pct, relative: 1e-9),
                "customer \(c.customer)")
            #expect(
                CLVTestData.isClose(
                    forecast.expectedAverageValue[i], c.gamma_gamma_expected_average_value, relative: 1e-12))
            #expect(CLVTestData.isClose(forecast.probabilityAlive[i], c.bgnbd_probability_alive, relative: 1e-10))
            #expect(CLVTestData.isClose(forecast.expectedPurchases[i], c.bgnbd_expected_purchases_39, relative: 1e-9))
        }
    }

    @Test("rows follow the summary; next purchase day is the calibration end plus the median wait")
    func rowsAndNextPurchase() throws {
        let summary = CLVTestData.cdnowSummary
        let model = ParetoNBDModel(r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669)
        let forecast = CLVForecast(summary: summary, model: model, options: CLVForecastOptions(horizon: 13, months: 3))
        #expect(forecast.expectedAverageValue.isEmpty && forecast.lifetimeValue.isEmpty)
        #expect(forecast.probabilityAlive.count == summary.count)
        for i in [0, 17, 400, 2_356] {
            let (x, tx, T) = (summary.frequency[i], summary.recency[i], summary.age[i])
            #expect(
                forecast.expectedPurchases[i] == model.expectedPurchases(over: 13, frequency: x, recency: tx, age: T))
            #expect(forecast.probabilityAlive[i] == model.probabilityAlive(frequency: x, recency: tx, age: T))
            let wait = model.medianTimeToNextPurchase(frequency: x, recency: tx, age: T)
            #expect(
                abs(forecast.expectedNextPurchaseDay[i] - (Double(CLVTestData.cdnowOptions.calibrationEnd) + 7 * wait))
                    < 1e-9)
            // Three undiscounted months would be E[purchases in 3 × 4.345 weeks]; discounting lowers it.
            let undiscounted = model.expectedPurchases(over: 3 * 4.345, frequency: x, recency: tx, age: T)
            #expect(
                forecast.discountedPurchases[i] < undiscounted
                    && forecast.discountedPurchases[i] > undiscounted / 1.01 / 1.01 / 1.01)
        }
    }

    @Test("a zero discount rate and one month give value × expected purchases over a month")
    func undiscountedMonth() {
        let summary = CLVTestData.cdnowSummary
        let model = BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        let spend = GammaGammaModel(p: 6.25, q: 3.74, gamma: 15.44)
        let forecast = CLVForecast(
            summary: summary, model: model, spend: spend,
            options: CLVForecastOptions(horizon: 1, months: 1, monthlyDiscountRate: 0, unitsPerMonth: 4))
        let i = 0
        let expected =
            spend.expectedAverageValue(frequency: summary.frequency[i], meanValue: summary.monetaryValue[i])
            * model.expectedPurchases(
                over: 4, frequency: summary.frequency[i], recency: summary.recency[i], age: summary.age[i])
        #expect(abs(forecast.lifetimeValue[i] - expected) < 1e-12)
    }

    @Test("groups forecast on threads: the same figures to the last bit for 1 to 5 threads, BG/NBD's per customer")
    func threadsSameBits() {
        let summary = CLVTestData.cdnowSummary
        let groups = PurchaseHistoryGroups(frequency: summary.frequency, recency: summary.recency, age: summary.age)
        let model = BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        let spend = GammaGammaModel(p: 6.25, q: 3.74, gamma: 15.44)
        let options = CLVForecastOptions(horizon: 39, months: 12, monthlyDiscountRate: 0.01)
        func bits(_ f: CLVForecast) -> [[UInt64]] {
            [f.probabilityAlive, f.expectedPurchases, f.expectedNextPurchaseDay, f.expectedAverageValue,
             f.discountedPurchases, f.lifetimeValue].map { $0.map(\.bitPattern) }
        }
        let one = CLVForecast(summary: summary, groups: groups, model: model, spend: spend, options: options, parts: 1)
        for parts in [2, 3, 5] {
            let split = CLVForecast(
                summary: summary, groups: groups, model: model, spend: spend, options: options, parts: parts)
            #expect(bits(split) == bits(one), "\(parts) parts")
        }
        // The odds of having dropped out computed once per history: P(alive) and E[purchases] are the
        // per-customer functions' bits.
        for i in 0..<summary.count {
            let (x, tx, T) = (summary.frequency[i], summary.recency[i], summary.age[i])
            #expect(one.probabilityAlive[i].bitPattern == model.probabilityAlive(frequency: x, recency: tx, age: T).bitPattern)
            #expect(
                one.expectedPurchases[i].bitPattern
                    == model.expectedPurchases(over: 39, frequency: x, recency: tx, age: T).bitPattern)
        }
    }
}
