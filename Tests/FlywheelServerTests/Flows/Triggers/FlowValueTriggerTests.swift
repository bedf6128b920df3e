import FlywheelAnalytics
import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelServer
import Foundation
import Testing

@Suite("Flow triggers from the shop's analytics: VIP by value rank, lapse by probability alive")
struct FlowValueTriggerTests {
    typealias S = FlowTestSupport
    let now = S.berlin(2026, 11, 18, 12)

    /// 20 buyers; b_19 spent most (net), b_18 next …; orders 100 days old (history: no order events).
    func shopOf20(_ store: any FlywheelStore) async throws {
        var batch = IngestBatch()
        for i in 0..<20 {
            batch.customers.append(TriggerShop.customer("b_\(i)"))
            batch.orders.append(
                TriggerShop.order("o_\(i)", "b_\(i)", at: now.addingTimeInterval(-100 * 86_400), total: 1_000 + Int64(i) * 100))
        }
        // b_0's big order was refunded in full: by net value it stays at the bottom.
        batch.orders.append(TriggerShop.order("o_big", "b_0", at: now.addingTimeInterval(-90 * 86_400), total: 90_000))
        batch.refunds.append(
            Refund(externalID: "r_big", orderExternalID: "o_big", createdAt: now.addingTimeInterval(-89 * 86_400), amountMinor: 90_000, currency: .eur))
        _ = try await store.ingest(batch)
    }

    @Test("the seeds' VIP flow enters the top 5 % by net value once, over two sweeps", arguments: S.Engine.allCases)
    func vipOnce(engine: S.Engine) async throws {
        try await engine.with { store in
            try await shopOf20(store)
            let vip = try #require(try S.examplesLibrary().current("vip"))
            let flows = TriggerShop.service(try TriggerShop.library([vip]), store: store)
            let first = try await flows.sweep(now: now)
            #expect(first.entered == 1 && first.failed == 0)
            #expect(try await TriggerShop.entered(store, "b_19") == ["vip"])
            for i in 0..<19 { #expect(try await TriggerShop.entered(store, "b_\(i)").isEmpty) }
            let row = try #require(try await store.enrolments(customerID: "b_19").first)
            #expect(row.entryKey == "vip/b_19/vip_reached/5")
            let again = try await flows.sweep(now: now.addingTimeInterval(3_600))
            #expect(again.entered == 0 && again.events == 1)
            #expect(try await store.enrolments(customerID: "b_19").count == 1)
        }
    }

    @Test("a wider VIP flow (top 10 %) takes the two best; a 5 % flow beside it only the best")
    func vipThresholdsFromFlows() async throws {
        let store = InMemoryStore()
        try await shopOf20(store)
        let wide = try TriggerShop.tagging(
            "vip10", trigger: "vip_reached", filters: #"[{"fact": "event.rank_percent", "op": "lte", "value": 10}]"#)
        let narrow = try TriggerShop.tagging(
            "vip5", trigger: "vip_reached", filters: #"[{"fact": "event.rank_percent", "op": "lte", "value": 5}]"#)
        let flows = TriggerShop.service(try TriggerShop.library([wide, narrow]), store: store)
        let report = try await flows.sweep(now: now)
        #expect(report.entered == 3)
        #expect(try await TriggerShop.entered(store, "b_19") == ["vip10", "vip5"])
        #expect(try await TriggerShop.entered(store, "b_18") == ["vip10"])
        #expect(try await TriggerShop.entered(store, "b_17").isEmpty)
    }

    @Test("no VIP or p(alive) flow: the sweep does not analyse the shop")
    func noAnalysisWithoutNeed() async throws {
        let store = InMemoryStore()
        try await shopOf20(store)
        let counter = AnalyticsCounter(store: store)
        let birthday = try #require(try S.examplesLibrary().current("birthday"))
        let flows = TriggerShop.service(try TriggerShop.library([birthday]), store: store, analytics: counter)
        _ = try await flows.sweep(now: now)
        #expect(counter.count == 0)
    }

    /// Customers who bought every 10 days for 100 days and stopped 250 days ago (gone), every 20 days up to
    /// 5 days ago (active), or once (one-off).
    func historyShop(_ store: any FlywheelStore) async throws {
        var batch = IngestBatch()
        for i in 0..<15 {
            for (prefix, orders, gap, end) in [("gone", 10, 10.0, 250.0), ("active", 15, 20.0, 5.0 + Double(i % 3))] {
                let id = "\(prefix)_\(i)"
                batch.customers.append(TriggerShop.customer(id))
                for n in 0..<orders {
                    let daysAgo = end + Double(orders - 1 - n) * gap + Double(i)
                    batch.orders.append(TriggerShop.order("\(id)_\(n)", id, at: now.addingTimeInterval(-daysAgo * 86_400)))
                }
            }
            batch.customers.append(TriggerShop.customer("once_\(i)"))
            batch.orders.append(TriggerShop.order("once_\(i)_0", "once_\(i)", at: now.addingTimeInterval(-Double(200 + i) * 86_400)))
        }
        _ = try await store.ingest(batch)
    }

    @Test("lapse by p(alive): those under the flow's threshold enter once, only that flow; the fit is kept a day", arguments: S.Engine.allCases)
    func pAliveLapse(engine: S.Engine) async throws {
        try await engine.with { store in
            try await historyShop(store)
            let counter = AnalyticsCounter(store: store)
            let flow = try TriggerShop.tagging(
                "slipping", trigger: "lapsed",
                filters: #"[{"fact": "event.lapse_reason", "op": "eq", "value": "p_alive"}, {"fact": "p_alive", "op": "lt", "value": 0.3}]"#)
            // The seeds' win-back (on the learned window) beside it gets no p(alive) lapse.
            let winBack = try #require(try S.examplesLibrary().current("win_back"))
            let flows = TriggerShop.service(try TriggerShop.library([flow, winBack]), store: store, analytics: counter)
            let first = try await flows.sweep(now: now)
            #expect(counter.count == 1 && first.failed == 0)
            var expected: [String] = []
            for prefix in ["gone", "active", "once"] {
                for i in 0..<15 {
                    let id = "\(prefix)_\(i)"
                    let p = try #require(flows.predictions.pAlive(of: id))
                    if p < 0.3 { expected.append(id) }
                    #expect(try await TriggerShop.entered(store, id) == (p < 0.3 ? ["slipping"] : []))
                }
            }
            // The model tells the ones who stopped from the ones who go on.
            #expect(expected.contains("gone_0") && !expected.contains("active_0") && !expected.contains("once_0"))
            #expect(first.entered == expected.count)
            let row = try #require(try await store.enrolments(customerID: "gone_0").first)
            #expect(row.entryKey.hasPrefix("slipping/gone_0/lapsed/"))

            // An hour later: the kept fit, nothing entered twice.
            let again = try await flows.sweep(now: now.addingTimeInterval(3_600))
            #expect(counter.count == 1 && again.entered == 0)
            // A day later the model is fitted again.
            _ = try await flows.sweep(now: now.addingTimeInterval(86_400 + 60))
            #expect(counter.count == 2)
        }
    }

    @Test("a lapse flow without a p(alive) filter does not fit the model")
    func windowLapseOnly() async throws {
        let store = InMemoryStore()
        try await historyShop(store)
        let counter = AnalyticsCounter(store: store)
        let winBack = try #require(try S.examplesLibrary().current("win_back"))
        let flows = TriggerShop.service(try TriggerShop.library([winBack]), store: store, analytics: counter)
        _ = try await flows.sweep(now: now)
        #expect(counter.count == 0)
    }
}
