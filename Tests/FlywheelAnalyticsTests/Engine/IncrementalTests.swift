@testable import FlywheelAnalytics
import FlywheelCore
import FlywheelSimulation
import Foundation
import Testing

/// Applying records one at a time keeps exactly the figures a from-scratch rebuild computes.
@Suite("Incremental updates equal a rebuild")
struct IncrementalTests {
    static let simulator = ShopSimulator(config: SimulationConfig(customers: 400, seed: 11))
    static let shop: IngestBatch = {
        var all = IngestBatch()
        for batch in simulator.batches(customersPerBatch: 100) {
            all.customers += batch.customers
            all.products += batch.products
            all.orders += batch.orders
            all.refunds += batch.refunds
            all.marketingSpend += batch.marketingSpend
            all.surveyAnswers += batch.surveyAnswers
            all.reviews += batch.reviews
        }
        return all
    }()
    static let asOf = simulator.endInstant
    static let absoluteRule = SavedSegment(
        name: "slipping regulars",
        rule: SegmentRule(.all, [
            SegmentCondition(.orders, .greaterOrEqual, .number(3)),
            SegmentCondition(.daysSinceLastPurchase, .greater, .number(60)),
        ]))

    /// The live engine: every fifth order (first orders included, so cohorts move), half the refunds, then
    /// cancellations of ten loaded orders and a changed refund, all applied one record at a time.
    static func live() throws -> (engine: AnalyticsEngine, applied: [IngestBatch]) {
        let shop = shop
        var bulk = shop
        bulk.orders = shop.orders.enumerated().filter { $0.offset % 5 != 0 }.map(\.element)
        bulk.refunds = shop.refunds.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        var table = OrderTable(settings: simulator.settings)
        table.add(bulk)
        var engine = AnalyticsEngine(table: table)
        try engine.saveSegment(absoluteRule, asOf: asOf)

        var applied: [IngestBatch] = []
        for (offset, order) in shop.orders.enumerated() where offset % 5 == 0 {
            applied.append(IngestBatch(orders: [order]))
        }
        for (offset, refund) in shop.refunds.enumerated() where offset % 2 == 1 {
            applied.append(IngestBatch(refunds: [refund]))
        }
        for order in bulk.orders.filter({ $0.cancelledAt == nil }).prefix(10) {
            var cancelled = order
            cancelled.cancelledAt = order.placedAt.addingTimeInterval(3_600)
            cancelled.financialStatus = .voided
            applied.append(IngestBatch(orders: [cancelled]))
        }
        if var refund = bulk.refunds.first {
            refund.amountMinor = max(1, refund.amountMinor / 2)
            applied.append(IngestBatch(refunds: [refund]))
        }
        for batch in applied { engine.apply(batch, asOf: asOf) }
        return (engine, applied)
    }

    @Test("kept figures after applying records one by one equal a rebuild from the same table")
    func keptEqualsRebuild() throws {
        let (engine, applied) = try Self.live()
        #expect(applied.count > 500)
        var rebuilt = engine
        rebuilt.rebuild()
        #expect(engine.kept.month == rebuilt.kept.month)
        #expect(engine.kept.quarter == rebuilt.kept.quarter)
        #expect(engine.kept.year == rebuilt.kept.year)
        #expect(engine.kept.lifetime == rebuilt.kept.lifetime)
        #expect(engine.kept.cohorts == rebuilt.kept.cohorts)
        #expect(engine.kept.gaps == rebuilt.kept.gaps)
        #expect(engine.kept.rfm == rebuilt.kept.rfm)
        #expect(engine.kept.stats == rebuilt.kept.stats)
        #expect(engine.kept == rebuilt.kept)
        // The kept members of a rule on absolute facts equal a fresh evaluation.
        #expect(rebuilt.refreshSegments(asOf: Self.asOf) == [
            SegmentMembershipChange(segment: Self.absoluteRule.name, entered: [], left: [])
        ])
        #expect((engine.members(ofSaved: Self.absoluteRule.name) ?? []).count > 0)
    }

    @Test("the reports equal those of the final records loaded in one go, in their natural order")
    func reportsEqualBulk() throws {
        let (engine, applied) = try Self.live()
        var final = OrderTable(settings: Self.simulator.settings)
        final.add(Self.shop)
        for batch in applied.suffix(11) { final.add(batch) }
        var bulk = AnalyticsEngine(table: final)
        try bulk.saveSegment(Self.absoluteRule, asOf: Self.asOf)
        let live = engine.snapshot(asOf: Self.asOf)
        let loaded = bulk.snapshot(asOf: Self.asOf)
        let months = live.periods(.month)
        #expect(months.count == 24)
        let liveReport = try live.metrics(from: months.first!, through: months.last!)
        let loadedReport = try loaded.metrics(from: months.first!, through: months.last!)
        #expect(liveReport == loadedReport)
        #expect(try live.cohorts(split: .channel) == loaded.cohorts(split: .channel))
        #expect(try live.cohorts() == loaded.cohorts())
        #expect(live.segments() == loaded.segments())
        #expect(try live.funnel() == loaded.funnel())
        #expect(try live.interPurchaseTimes() == loaded.interPurchaseTimes())
        #expect(Set(try live.members(of: .rfm(.atRisk))) == Set(try loaded.members(of: .rfm(.atRisk))))
        #expect(liveReport.allTime.cancelledOrders >= 10)
        #expect(Set(engine.members(ofSaved: Self.absoluteRule.name) ?? []) == Set(bulk.members(ofSaved: Self.absoluteRule.name) ?? []))
    }

    @Test("a snapshot before the newest order computes the same as an engine that never saw the later orders")
    func earlierSnapshot() throws {
        let cut = Self.asOf.addingTimeInterval(-200 * 86_400)
        var early = OrderTable(settings: Self.simulator.settings)
        var batch = Self.shop
        batch.orders = batch.orders.filter { $0.placedAt <= cut }
        batch.refunds = batch.refunds.filter { refund in batch.orders.contains { $0.externalID == refund.orderExternalID } }
        batch.surveyAnswers = batch.surveyAnswers.filter { $0.answeredAt <= cut }
        batch.reviews = batch.reviews.filter { $0.createdAt <= cut }
        early.add(batch)
        let onlyEarly = AnalyticsEngine(table: early).snapshot(asOf: cut)
        var full = OrderTable(settings: Self.simulator.settings)
        full.add(Self.shop)
        let everything = AnalyticsEngine(table: full).snapshot(asOf: cut)
        let months = onlyEarly.periods(.month)
        let a = try onlyEarly.metrics(from: months.first!, through: months.last!)
        let b = try everything.metrics(from: months.first!, through: months.last!)
        #expect(a.periods.map(\.orders) == b.periods.map(\.orders))
        #expect(a.periods.map(\.customers) == b.periods.map(\.customers))
        #expect(a.periods.map(\.churn) == b.periods.map(\.churn))
        #expect(a.lapseWindow == b.lapseWindow)
        #expect(try onlyEarly.cohorts() == everything.cohorts())
    }
}
