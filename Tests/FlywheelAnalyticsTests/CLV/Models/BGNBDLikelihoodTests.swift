import Testing

@testable import FlywheelAnalytics

@Suite("BGNBDLikelihood: logs per distinct time and terms on threads give the serial likelihood's bits")
struct BGNBDLikelihoodTests {
    /// The value and gradient's bit patterns.
    static func bits(_ d: GradientDual) -> [UInt64] { [d.value, d.d0, d.d1, d.d2, d.d3].map(\.bitPattern) }

    static let points: [[Double]] = [[0.243, 4.414, 0.793, 2.426], [1.7, 0.6, 3.1, 0.4], [0.05, 40, 0.2, 12]]

    @Test("value and gradient equal to the last bit, for 1 to 7 threads", arguments: [1, 2, 3, 7])
    func sameBits(parts: Int) {
        // 60,000 histories: x = 0 … 5, times in sevenths, −0 among the zeros, repeated times.
        let (x, tx, T) = PurchaseHistoryGroupsTests.histories(60_000, seed: 4)
        let groups = PurchaseHistoryGroups(frequency: x, recency: tx, age: T)
        let likelihood = BGNBDLikelihood(groups: groups, parts: parts)
        #expect(likelihood.times.count < 100)  // few distinct times: the table is the point
        for p in Self.points {
            let v = p.indices.map { GradientDual.variable(p[$0], index: $0) }
            let serial = BGNBDModel.logLikelihood(r: v[0], alpha: v[1], a: v[2], b: v[3], groups: groups)
            let fast = likelihood(r: v[0], alpha: v[1], a: v[2], b: v[3])
            #expect(Self.bits(fast) == Self.bits(serial), "at \(p)")
            let plain: Double = likelihood(r: p[0], alpha: p[1], a: p[2], b: p[3])
            let plainSerial: Double = BGNBDModel.logLikelihood(r: p[0], alpha: p[1], a: p[2], b: p[3], groups: groups)
            #expect(plain.bitPattern == plainSerial.bitPattern)
        }
    }

    @Test("the fit equals the fit on the serial likelihood (CDNOW sample)")
    func sameFit() throws {
        let summary = CLVTestData.cdnowSummary
        let groups = PurchaseHistoryGroups(frequency: summary.frequency, recency: summary.recency, age: summary.age)
        let fit = try BGNBDModel.fit(groups)
        let (serial, report) = try MaximumLikelihood.fit(
            start: [1, groups.pooledRateScale, 1, 1], customers: groups.totalWeight, model: "BG/NBD"
        ) { v in BGNBDModel.logLikelihood(r: v[0], alpha: v[1], a: v[2], b: v[3], groups: groups) }
        let model = fit.model
        #expect([model.r, model.alpha, model.a, model.b].map(\.bitPattern) == serial.map(\.bitPattern))
        #expect(fit.report == report)
    }

    @Test("one likelihood evaluated from several threads at once: each call gets the serial bits")
    func concurrentCalls() {
        // The terms' memory is kept between calls (`ScratchBuffer`); a call while another holds it gets
        // memory of its own. Every thread evaluates every point, in a different order.
        let (x, tx, T) = PurchaseHistoryGroupsTests.histories(30_000, seed: 9)
        let groups = PurchaseHistoryGroups(frequency: x, recency: tx, age: T)
        let likelihood = BGNBDLikelihood(groups: groups, parts: 2)
        let expected = Self.points.map { p in
            Self.bits(BGNBDModel.logLikelihood(
                r: GradientDual.variable(p[0], index: 0), alpha: GradientDual.variable(p[1], index: 1),
                a: GradientDual.variable(p[2], index: 2), b: GradientDual.variable(p[3], index: 3), groups: groups))
        }
        let threads = 4
        let results = SharedBuffer(repeating: [UInt64](), count: threads * Self.points.count)
        ThreadedWork.run(parts: threads) { thread in
            for round in 0..<Self.points.count {
                let k = (round + thread) % Self.points.count
                let p = Self.points[k]
                let v = p.indices.map { GradientDual.variable(p[$0], index: $0) }
                results.elements[thread * Self.points.count + k] = Self.bits(likelihood(r: v[0], alpha: v[1], a: v[2], b: v[3]))
            }
        }
        for thread in 0..<threads {
            for k in Self.points.indices {
                #expect(results.elements[thread * Self.points.count + k] == expected[k], "thread \(thread), point \(k)")
            }
        }
    }

    @Test("no groups: only the constant term")
    func empty() {
        let groups = PurchaseHistoryGroups(frequency: [], recency: [], age: [])
        let value: Double = BGNBDLikelihood(groups: groups, parts: 2)(r: 1, alpha: 2, a: 3, b: 4)
        #expect(value == 0)
    }
}
