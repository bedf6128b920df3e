import Testing

@testable import FlywheelAnalytics

@Suite("MaximumLikelihood")
struct MaximumLikelihoodTests {
    @Test("when BFGS stops short, Nelder-Mead and a second BFGS still reach the maximum")
    func fallback() throws {
        let summary = CLVTestData.cdnowSummary
        let groups = PurchaseHistoryGroups(frequency: summary.frequency, recency: summary.recency, age: summary.age)
        let fit = try BGNBDModel.fit(groups, firstStage: BFGSMinimizer(maxIterations: 2))
        #expect(fit.report.method == "BFGS, Nelder-Mead, BFGS")
        #expect(fit.report.converged)
        #expect(abs(fit.report.logLikelihood - CLVTestData.oracle.bgnbd.log_likelihood) < 1e-6)
        #expect(CLVTestData.isClose(fit.model.r, 0.243, relative: 0.01))
        #expect(fit.report.iterations > 2)
    }

    @Test("a likelihood that is not finite at the start is an error, not a silent result")
    func notFinite() {
        #expect(throws: CLVError.self) {
            try MaximumLikelihood.fit(start: [1], customers: 1, model: "test") { _ in GradientDual(.nan) }
        }
    }

    @Test("histories that cannot happen are refused")
    func invalidHistories() {
        #expect(throws: CLVError.self) { try BGNBDModel.fit(frequency: [1], recency: [5], age: [4]) }
        #expect(throws: CLVError.self) { try BGNBDModel.fit(frequency: [0], recency: [1], age: [4]) }
        #expect(throws: CLVError.self) { try ParetoNBDModel.fit(frequency: [-1], recency: [0], age: [4]) }
        #expect(throws: CLVError.self) { try ParetoNBDModel.fit(frequency: [], recency: [], age: []) }
        #expect(throws: CLVError.self) { try BGNBDModel.fit(frequency: [1, 2], recency: [1], age: [4, 4]) }
    }
}
