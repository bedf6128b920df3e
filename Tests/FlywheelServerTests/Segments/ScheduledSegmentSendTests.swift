import FlywheelAnalytics
import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Scheduled segment sends: stored, sent when due, once per customer, cancellable")
struct ScheduledSegmentSendTests {
    typealias S = FlowTestSupport
    let now = S.berlin(2026, 11, 18, 12)

    /// `n_0` … `n_3` with one order each; `n_0` and `n_1` with a second one.
    func shop(_ store: any FlywheelStore) async throws {
        var batch = IngestBatch()
        for i in 0..<4 {
            batch.customers.append(TriggerShop.customer("n_\(i)"))
            batch.orders.append(TriggerShop.order("a_\(i)", "n_\(i)", at: now.addingTimeInterval(-40 * 86_400)))
        }
        for i in 0..<2 { batch.orders.append(TriggerShop.order("b_\(i)", "n_\(i)", at: now.addingTimeInterval(-10 * 86_400))) }
        _ = try await store.ingest(batch)
        let repeaters = SavedSegment(
            name: "repeaters", rule: SegmentRule(.all, [SegmentCondition(.orders, .greaterOrEqual, .number(2))]))
        _ = try await store.saveSegment(repeaters.stored(at: now, by: "test"))
    }

    func library() throws -> FlowLibrary {
        try TriggerShop.library([try TriggerShop.program(FlowTierAndSegmentTests.newsletter)])
    }

    func newsletterEntries(_ store: any FlywheelStore, _ customer: String) async throws -> Int {
        try await store.enrolments(customerID: customer).filter { $0.flowID == "newsletter" }.count
    }

    @Test("due only after the clock reaches send_at; the segment is evaluated then; two servers enter each member once", arguments: S.Engine.allCases)
    func sentWhenDue(engine: S.Engine) async throws {
        try await engine.with { store in
            try await shop(store)
            let first = TriggerShop.service(try library(), store: store)
            let sendAt = now.addingTimeInterval(86_400)
            let row = try await first.scheduleSegmentSend(
                flowID: "newsletter", campaign: "winter", segment: "repeaters", sendAt: sendAt, createdBy: "owner", now: now)
            #expect(row.status == .scheduled && row.createdBy == "owner")
            #expect(try await first.runDueCampaigns(now: now).isEmpty)
            #expect(try await first.runDueCampaigns(now: sendAt.addingTimeInterval(-1)).isEmpty)
            #expect(try await newsletterEntries(store, "n_0") == 0)

            // Before it falls due, n_2 orders again and joins the segment: the send sees the segment as it is then.
            _ = try await store.ingest(IngestBatch(orders: [TriggerShop.order("c_2", "n_2", at: now.addingTimeInterval(3_600))]))

            // Two servers (services with their own leases) run the due campaign at once.
            let second = TriggerShop.service(try library(), store: store)
            let at = sendAt.addingTimeInterval(30)
            async let a = first.runDueCampaigns(now: at)
            async let b = second.runDueCampaigns(now: at)
            let reports = try await a + b
            #expect(reports.map(\.entered).reduce(0, +) == 3)
            #expect(reports.allSatisfy { $0.members == 3 && $0.failed == 0 })
            for customer in ["n_0", "n_1", "n_2"] { #expect(try await newsletterEntries(store, customer) == 1) }
            #expect(try await newsletterEntries(store, "n_3") == 0)
            let stored = try #require(try await store.campaign(flowID: "newsletter", campaign: "winter"))
            #expect(stored.status == .sent && stored.finishedAt == at)

            // A restart (a new service over the same store) finds nothing due and sends nothing again.
            let restarted = TriggerShop.service(try library(), store: store)
            #expect(try await restarted.runDueCampaigns(now: at.addingTimeInterval(86_400)).isEmpty)
            #expect(try await newsletterEntries(store, "n_0") == 1)
            // Too late to cancel; the campaign id is used.
            do {
                _ = try await restarted.cancelSegmentSend(flowID: "newsletter", campaign: "winter", now: at)
                Issue.record("a sent campaign was cancelled")
            } catch let error as SegmentSendError {
                #expect(error.kind == .campaignSent)
            }
            do {
                _ = try await restarted.scheduleSegmentSend(
                    flowID: "newsletter", campaign: "winter", segment: "all", sendAt: at.addingTimeInterval(86_400),
                    createdBy: "owner", now: at)
                Issue.record("a used campaign id was scheduled again")
            } catch let error as SegmentSendError {
                #expect(error.kind == .campaignExists)
            }
        }
    }

    @Test("a cancelled send never goes out; a send whose saved segment is gone is cancelled; names are checked when scheduled")
    func cancelAndRefusals() async throws {
        let store = InMemoryStore()
        try await shop(store)
        let flows = TriggerShop.service(try library(), store: store)
        let sendAt = now.addingTimeInterval(3_600)
        _ = try await flows.scheduleSegmentSend(
            flowID: "newsletter", campaign: "called-off", segment: "saved:repeaters", sendAt: sendAt, createdBy: "owner", now: now)
        let cancelled = try await flows.cancelSegmentSend(flowID: "newsletter", campaign: "called-off", now: now)
        #expect(cancelled.status == .cancelled && cancelled.finishedAt == now)
        // Cancelling again answers the same.
        #expect(try await flows.cancelSegmentSend(flowID: "newsletter", campaign: "called-off", now: sendAt) == cancelled)
        #expect(try await flows.runDueCampaigns(now: sendAt.addingTimeInterval(60)).isEmpty)
        #expect(try await newsletterEntries(store, "n_0") == 0)

        // The saved segment is deleted before the send falls due: the send is refused for good, so cancelled.
        _ = try await flows.scheduleSegmentSend(
            flowID: "newsletter", campaign: "orphan", segment: "repeaters", sendAt: sendAt, createdBy: "owner", now: now)
        #expect(try await store.deleteSegment(named: "repeaters"))
        #expect(try await flows.runDueCampaigns(now: sendAt).isEmpty)
        #expect(try await store.campaign(flowID: "newsletter", campaign: "orphan")?.status == .cancelled)
        #expect(try await newsletterEntries(store, "n_0") == 0)

        func kind(_ flow: String, _ campaign: String, _ segment: String) async -> SegmentSendError.Kind? {
            do {
                _ = try await flows.scheduleSegmentSend(
                    flowID: flow, campaign: campaign, segment: segment, sendAt: sendAt, createdBy: "owner", now: now)
                return nil
            } catch { return error.kind }
        }
        #expect(await kind("nope", "c1", "all") == .unknownFlow)
        #expect(await kind("newsletter", "c/1", "all") == .invalidCampaign)
        #expect(await kind("newsletter", "c1", "repeaters") == .unknownSegment)
        #expect(await kind("newsletter", "c1", "saved:repeaters") == .unknownSegment)
        #expect(await kind("newsletter", "c1", "vip") == nil)
        #expect(try await flows.segmentSends(flowID: "newsletter").map(\.campaign) == ["c1", "called-off", "orphan"].sorted())
        do {
            _ = try await flows.cancelSegmentSend(flowID: "newsletter", campaign: "never", now: now)
            Issue.record("an unknown campaign was cancelled")
        } catch {
            #expect(error.kind == .unknownCampaign)
        }
    }

    @Test("a send runs in pieces: cut short by a crash and a restart, it goes on after the cursor and enters each member once", arguments: S.Engine.allCases)
    func resumesAfterCrash(engine: S.Engine) async throws {
        try await engine.with { store in
            try await shop(store)
            // Three more customers: seven in `all`; pieces of three (TriggerShop's segmentPageSize).
            _ = try await store.ingest(
                IngestBatch(
                    customers: (4..<7).map { TriggerShop.customer("n_\($0)") },
                    orders: (4..<7).map { TriggerShop.order("a_\($0)", "n_\($0)", at: now.addingTimeInterval(-20 * 86_400)) }))
            let first = TriggerShop.service(try library(), store: store)
            _ = try await first.scheduleSegmentSend(
                flowID: "newsletter", campaign: "now", segment: "all", sendAt: now, createdBy: "owner", now: now)
            let piece = try await first.runDueCampaigns(now: now)
            #expect(piece.map(\.entered) == [3] && piece.map(\.members) == [7])
            var row = try #require(try await store.campaign(flowID: "newsletter", campaign: "now"))
            #expect(row.state == .sending && row.progress?.handled == 3 && row.progress?.cursor == "n_2")
            // The first server dies in its second piece after entering n_3 and n_4, before recording the piece.
            for customer in ["n_3", "n_4"] {
                let event = FlowEvent(customerID: customer, occurredAt: now, trigger: .segmentSend(segment: "all", campaign: "now"))
                _ = try await first.scheduler.enter(event, key: "segment_send/now", only: ["newsletter"], now: now)
            }
            // A restarted server (nothing kept in memory) evaluates again and goes on after n_2.
            let restarted = TriggerShop.service(try library(), store: store)
            let rest = try await restarted.runDueCampaigns(now: now.addingTimeInterval(5))
                + restarted.runDueCampaigns(now: now.addingTimeInterval(6))
            #expect(rest.map(\.duplicates) == [2, 0] && rest.map(\.entered) == [1, 1])
            #expect(rest.map(\.finished) == [false, true])
            row = try #require(try await store.campaign(flowID: "newsletter", campaign: "now"))
            #expect(row.status == .sent && row.progress?.handled == 7 && row.progress?.members == 7)
            #expect(row.progress?.entered == 5, "the crashed piece's entries were not recorded; they count as duplicates")
            for i in 0..<7 { #expect(try await newsletterEntries(store, "n_\(i)") == 1) }
            #expect(try await restarted.runDueCampaigns(now: now.addingTimeInterval(60)).isEmpty)
        }
    }

    @Test("through the API on the whole application: 202 at once, FlowJobs sends it in the background, GET shows it sent")
    func backgroundThroughTheApplication() async throws {
        let store = InMemoryStore()
        try await shop(store)
        let admin = "fw_test_sends_admin"
        try await store.createAPIKey(
            APIKey(id: "key_sa", name: "sends-admin", scopes: [.admin], secretHash: APIKeyIssuer.hash(secret: admin), createdAt: now))
        let now = self.now
        let app = try await FlywheelServer.buildApplication(
            store: store, configuration: ServerConfiguration(port: 0), logger: Logger(label: "flywheel.test"),
            flows: try library(), flowEffects: RecordingFlowEffects(), now: { now })
        // Live: the dashboard (whose engine evaluates the segment) loads once the server runs.
        try await app.test(.live) { client in
            let posted = try await client.send(
                .post, "/api/v1/flows/newsletter/sends", key: admin, json: #"{"campaign": "spring", "segment": "repeaters"}"#)
            #expect(posted.status == .accepted && posted.object["state"] as? String == "scheduled")
            let sent = try await S.eventually(20) {
                let listed = try await client.send(.get, "/api/v1/flows/newsletter/sends", key: admin)
                let row = (listed.object["campaigns"] as? [[String: Any]])?.first
                return row?["state"] as? String == "sent" && row?["entered"] as? Int == 2
            }
            #expect(sent)
            #expect(try await newsletterEntries(store, "n_0") == 1)
            #expect(try await newsletterEntries(store, "n_2") == 0)
        }
    }

    @Test("a send made now reaches a saved segment by its name")
    func sendNowToSaved() async throws {
        let store = InMemoryStore()
        try await shop(store)
        let flows = TriggerShop.service(try library(), store: store)
        let report = try await flows.sendToSegment(flowID: "newsletter", campaign: "now", segment: "repeaters", now: now)
        #expect(report.members == 2 && report.entered == 2)
        #expect(try await newsletterEntries(store, "n_1") == 1)
        #expect(try await newsletterEntries(store, "n_2") == 0)
    }
}
