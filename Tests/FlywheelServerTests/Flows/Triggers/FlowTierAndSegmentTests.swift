import FlywheelAnalytics
import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelLoyalty
import FlywheelServer
import Foundation
import Testing

@Suite("Flow triggers: tier changed (from the loyalty programme) and segment sends (newsletters)")
struct FlowTierAndSegmentTests {
    typealias S = FlowTestSupport
    let now = S.berlin(2026, 11, 18, 12)

    /// The seeds' programme: bronze at 1 order a calendar year, silver at 3 (retention 2), gold at 6.
    func loyalty(_ store: any FlywheelStore) throws -> LoyaltyService {
        let url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/programmes/seeds-default.json")
        return LoyaltyService(
            programme: try Programme.load(from: Data(contentsOf: url)), store: store, calendar: ShopSettings.defaults.calendar,
            referralSecret: "referral-secret", referralBase: URL(string: "https://shop.example/")!)
    }

    /// Stores `batch` and tells `flows` as the server does after the loyalty programme.
    func store(_ batch: IngestBatch, in store: any FlywheelStore, flows: FlowService, now: Date) async throws {
        let counts = try await store.ingest(batch)
        await flows.stored(batch, counts: counts, now: now)
    }

    @Test("the order that lifts a customer to silver enters the tier flow at once, once; the sweep and a replay add nothing", arguments: S.Engine.allCases)
    func upgradeOnIngest(engine: S.Engine) async throws {
        try await engine.with { store in
            let loyalty = try loyalty(store)
            let flow = try TriggerShop.tagging(
                "welcome_silver", trigger: "tier_changed", filters: #"[{"fact": "event.tier", "op": "eq", "value": "silver"}]"#,
                reentry: "every_time")
            let flows = TriggerShop.service(try TriggerShop.library([flow]), store: store, tierMoves: loyalty)
            // Two orders in spring (bronze then, long ago), the third now: silver.
            try await self.store(
                IngestBatch(
                    customers: [TriggerShop.customer("c_t")],
                    orders: [
                        TriggerShop.order("t1", "c_t", at: S.berlin(2026, 3, 1, 10)),
                        TriggerShop.order("t2", "c_t", at: S.berlin(2026, 4, 1, 10)),
                    ]), in: store, flows: flows, now: now.addingTimeInterval(-3_600))
            #expect(try await TriggerShop.entered(store, "c_t").isEmpty)
            let third = IngestBatch(orders: [TriggerShop.order("t3", "c_t", at: now.addingTimeInterval(-60))])
            try await self.store(third, in: store, flows: flows, now: now)
            let rows = try await store.enrolments(customerID: "c_t")
            #expect(rows.map(\.flowID) == ["welcome_silver"])
            let move = TierMove(customerID: "c_t", from: "bronze", to: "silver", at: now.addingTimeInterval(-60))
            #expect(rows.first?.entryKey == "welcome_silver/c_t/" + move.detected.key)
            let entry = try Enrolment(snapshot: try #require(rows.first).state)
            #expect(entry.entryEvent == .tierChanged(from: "bronze", to: "silver"))

            // The same batch delivered again, and the sweep, find the same move: nothing enters twice.
            try await self.store(third, in: store, flows: flows, now: now.addingTimeInterval(60))
            let sweep = try await flows.sweep(now: now.addingTimeInterval(3_600))
            #expect(sweep.duplicates >= 1 && sweep.entered == 0)
            #expect(try await store.enrolments(customerID: "c_t").count == 1)
        }
    }

    @Test("a downgrade at the period's end enters through the sweep")
    func downgradeBySweep() async throws {
        let store = InMemoryStore()
        let loyalty = try loyalty(store)
        _ = try await store.ingest(
            IngestBatch(
                customers: [TriggerShop.customer("c_d")],
                orders: (1...3).map { TriggerShop.order("d\($0)", "c_d", at: S.berlin(2026, 2, $0, 10)) }))
        // Silver in 2026, no order in 2027: the programme moves the customer down after 2027 (grace included).
        let later = try await loyalty.tierMoves(of: ["c_d"], from: S.berlin(2027, 1, 1), through: S.berlin(2028, 6, 1))
        let down = try #require(later.first { $0.from == "silver" })
        #expect(down.to == "bronze")
        let flow = try TriggerShop.tagging("tier_down", trigger: "tier_changed")
        let flows = TriggerShop.service(try TriggerShop.library([flow]), store: store, tierMoves: loyalty)
        let report = try await flows.sweep(now: down.at.addingTimeInterval(3_600))
        #expect(report.entered == 1)
        let row = try #require(try await store.enrolments(customerID: "c_d").first)
        #expect(row.entryKey == "tier_down/c_d/" + down.detected.key)
        // Weeks later the move is history: a new installation does not send it.
        let fresh = InMemoryStore()
        _ = try await fresh.ingest(
            IngestBatch(
                customers: [TriggerShop.customer("c_d")],
                orders: (1...3).map { TriggerShop.order("d\($0)", "c_d", at: S.berlin(2026, 2, $0, 10)) }))
        let late = TriggerShop.service(try TriggerShop.library([flow]), store: fresh, tierMoves: try self.loyalty(fresh))
        #expect(try await late.sweep(now: down.at.addingTimeInterval(30 * 86_400)).entered == 0)
    }

    /// 20 customers with rising spend; the odd ones without marketing consent.
    func shop(_ store: any FlywheelStore) async throws {
        var batch = IngestBatch()
        for i in 0..<20 {
            batch.customers.append(TriggerShop.customer("n_\(i)", consent: i % 2 == 0 ? .granted : .unknown))
            batch.orders.append(
                TriggerShop.order("no_\(i)", "n_\(i)", at: now.addingTimeInterval(-Double(20 + i) * 86_400), total: 1_000 + Int64(i) * 500))
        }
        _ = try await store.ingest(batch)
    }

    static let newsletter = """
        {"id": "newsletter", "name": "Newsletter", "version": 1, "message_class": "marketing",
         "trigger": {"event": "segment_send"}, "reentry": {"rule": "every_time"},
         "steps": [{"id": "send", "send_email": {"template": "vip_welcome",
                    "subject": {"de": "Neu bei uns", "en": "New at our shop"}}}]}
        """

    @Test("a segment send enters every member once per campaign; consent decides who gets the e-mail", arguments: S.Engine.allCases)
    func segmentSend(engine: S.Engine) async throws {
        try await engine.with { store in
            try await shop(store)
            let effects = KeptMessages()
            let flows = TriggerShop.service(
                try TriggerShop.library([try TriggerShop.program(Self.newsletter)]), store: store, effects: effects)
            let all = try await flows.sendToSegment(flowID: "newsletter", campaign: "winter-2026", segment: "all", now: now)
            #expect(all.members == 20 && all.entered == 20 && all.failed == 0)
            // Marketing needs consent: only the ten who gave it get the e-mail.
            #expect(Set(effects.messages.map(\.customerID)) == Set(stride(from: 0, to: 20, by: 2).map { "n_\($0)" }))
            let timeline = try await store.timeline(customerID: "n_1", before: nil, limit: 10).entries
            #expect(timeline.contains { $0.kind == .skipped })

            // Again: nobody twice.
            let again = try await flows.sendToSegment(flowID: "newsletter", campaign: "winter-2026", segment: "all", now: now.addingTimeInterval(60))
            #expect(again.entered == 0 && again.duplicates == 20)
            // Another campaign to the VIPs (top 10 % by value): the two best.
            let vip = try await flows.sendToSegment(
                flowID: "newsletter", campaign: "vip-preview", segment: "vip", now: now.addingTimeInterval(2 * 86_400))
            #expect(vip.members == 2 && vip.entered == 2)
            #expect(try await store.enrolments(customerID: "n_19").count == 2)
            #expect(try await store.enrolments(customerID: "n_17").count == 1)
        }
    }

    @Test("a segment send names what is wrong: flow, trigger, segment, campaign, a time ahead")
    func segmentSendRefusals() async throws {
        let store = InMemoryStore()
        try await shop(store)
        let birthday = try #require(try S.examplesLibrary().current("birthday"))
        let flows = TriggerShop.service(
            try TriggerShop.library([try TriggerShop.program(Self.newsletter), birthday]), store: store)
        func kind(_ flow: String, _ campaign: String, _ segment: String, at: Date? = nil) async -> SegmentSendError.Kind? {
            do {
                _ = try await flows.sendToSegment(flowID: flow, campaign: campaign, segment: segment, sendAt: at, now: now)
                return nil
            } catch { return error.kind }
        }
        #expect(await kind("nope", "c1", "all") == .unknownFlow)
        #expect(await kind("birthday", "c1", "all") == .notASegmentFlow)
        #expect(await kind("newsletter", "c1", "sleepy") == .unknownSegment)
        #expect(await kind("newsletter", "c/1", "all") == .invalidCampaign)
        #expect(await kind("newsletter", "c1", "all", at: now.addingTimeInterval(86_400)) == .sendAtAhead)
        #expect(try await store.enrolments(customerID: "n_0").isEmpty)
        #expect(await kind("newsletter", "c1", "rfm:at_risk") == nil)
    }
}
