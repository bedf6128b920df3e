import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("Lifecycle stages: new / active / loyal / lapsing / lost")
struct LifecycleStageTests {
    /// Hand shop plus a loyal customer L (3 occasions in March); windows fall back to 60 / 90 days.
    private let engine: AnalyticsEngine = {
        var batch = HandShop.batch
        for day in 1...3 { batch.orders.append(TestShop.order("L\(day)", "L", "2025-03-0\(day)T10:00:00Z", 1_000)) }
        return TestShop.engine(batch)
    }()

    private func stages(asOf: String) throws -> [String: LifecycleStage] {
        let snapshot = engine.snapshot(asOf: TestShop.instant(asOf))
        var result: [String: LifecycleStage] = [:]
        for id in ["A", "B", "C", "D", "L"] { result[id] = try #require(snapshot.profile(customerExternalID: id)).stage }
        return result
    }

    @Test("on 20 March: A active (2 occasions, 33 days), B and D new, C a prospect, L loyal")
    func march() throws {
        #expect(try stages(asOf: "2025-03-20T12:00:00Z") == ["A": .active, "B": .new, "C": .prospect, "D": .new, "L": .loyal])
    }

    @Test("on 20 April: past the 60-day active window A, B and D are lapsing")
    func april() throws {
        #expect(try stages(asOf: "2025-04-20T12:00:00Z") == ["A": .lapsing, "B": .lapsing, "C": .prospect, "D": .lapsing, "L": .loyal])
    }

    @Test("on 30 June: past the 90-day lost window")
    func june() throws {
        let stages = try stages(asOf: "2025-06-30T12:00:00Z")
        #expect(stages["A"] == .lost && stages["B"] == .lost && stages["L"] == .lost)
    }

    @Test("the segment report counts every stage")
    func report() {
        let report = engine.snapshot(asOf: TestShop.instant("2025-03-20T12:00:00Z")).segments()
        #expect(report.customers == 5 && report.buyers == 4)
        #expect(report.stages.map(\.segment) == LifecycleStage.allCases.map(\.rawValue))
        #expect(report.stages.map(\.customers) == [1, 2, 1, 1, 0, 0])
        #expect(report.stages.first { $0.segment == "loyal" }?.netSpentMinor == 3_000)
    }
}
