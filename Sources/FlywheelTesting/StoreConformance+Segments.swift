import FlywheelCore
import Foundation
import Testing

extension StoreConformance {
    static let segmentChecks: [StoreCheck] = [
        StoreCheck("segments: saved by name, replaced keeping their creation, listed in byte order, deleted", segmentsLifecycle),
        StoreCheck("segment campaigns: scheduled once, due in order, finished once", segmentCampaignsLifecycle),
        StoreCheck(
            "segment campaigns: progress recorded over the progress read (compare and set), only while scheduled",
            segmentCampaignProgress),
    ]

    static func segmentCampaignProgress(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let row = SegmentCampaign(
            flowID: "newsletter", campaign: "now", segment: "all", sendAt: StoreFixtures.date(day: 3),
            createdBy: "admin", createdAt: StoreFixtures.date(day: 3))
        #expect(try await store.scheduleCampaign(row))
        #expect(try await store.campaign(flowID: "newsletter", campaign: "now")?.progress == nil)
        #expect(try await store.campaign(flowID: "newsletter", campaign: "now")?.state == .scheduled)
        let first = SegmentCampaign.Progress(
            members: 1_200, handled: 500, entered: 480, cursor: "c-0500", updatedAt: StoreFixtures.date(day: 3))
        #expect(
            try await store.recordCampaignProgress(flowID: "newsletter", campaign: "missing", expectedHandled: 0, progress: first)
                == false)
        #expect(try await store.recordCampaignProgress(flowID: "newsletter", campaign: "now", expectedHandled: 0, progress: first))
        // A second writer that read the same (empty) progress is refused: its piece was recorded by the first.
        #expect(try await store.recordCampaignProgress(flowID: "newsletter", campaign: "now", expectedHandled: 0, progress: first) == false)
        var stored = try #require(try await store.campaign(flowID: "newsletter", campaign: "now"))
        #expect(stored.progress == first)
        #expect(stored.state == .sending)
        #expect(try await store.dueCampaigns(now: StoreFixtures.date(day: 4)).map(\.progress) == [first])
        let second = SegmentCampaign.Progress(
            members: 1_200, handled: 1_000, entered: 970, cursor: "c-1000", updatedAt: StoreFixtures.date(day: 4))
        #expect(try await store.recordCampaignProgress(flowID: "newsletter", campaign: "now", expectedHandled: 500, progress: second))
        stored = try #require(try await store.campaigns(flowID: "newsletter").first)
        #expect(stored.progress == second)
        // Finished: the progress stays as it was and takes no more pieces.
        let sent = try #require(
            try await store.finishCampaign(flowID: "newsletter", campaign: "now", status: .sent, at: StoreFixtures.date(day: 5)))
        #expect(sent.progress == second && sent.state == .sent)
        let late = SegmentCampaign.Progress(
            members: 1_200, handled: 1_200, entered: 1_150, cursor: "c-1200", updatedAt: StoreFixtures.date(day: 6))
        #expect(
            try await store.recordCampaignProgress(flowID: "newsletter", campaign: "now", expectedHandled: 1_000, progress: late)
                == false)
        #expect(try await store.campaign(flowID: "newsletter", campaign: "now")?.progress == second)
    }

    static func segmentsLifecycle(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        #expect(try await store.segments().isEmpty)
        let winBack = StoredSegment(
            name: "win-back", definition: #"{"match":"all","conditions":[]}"#, createdAt: StoreFixtures.date(day: 1),
            updatedAt: StoreFixtures.date(day: 1), updatedBy: "admin")
        let big = StoredSegment(
            name: "Big", definition: #"{"match":"any","conditions":[]}"#, createdAt: StoreFixtures.date(day: 2),
            updatedAt: StoreFixtures.date(day: 2), updatedBy: "key-1")
        #expect(try await store.saveSegment(winBack) == winBack)
        #expect(try await store.saveSegment(big) == big)
        #expect(try await store.segment(named: "win-back") == winBack)
        #expect(try await store.segment(named: "WIN-BACK") == nil)
        #expect(try await store.segments().map(\.name) == ["Big", "win-back"])

        // Saving the name again replaces the rule, keeps the creation.
        var changed = winBack
        changed.definition = #"{"match":"all","conditions":[{"field":"orders","comparison":">=","value":2}]}"#
        changed.createdAt = StoreFixtures.date(day: 5)
        changed.updatedAt = StoreFixtures.date(day: 5)
        changed.updatedBy = "other"
        var expected = changed
        expected.createdAt = winBack.createdAt
        #expect(try await store.saveSegment(changed) == expected)
        #expect(try await store.segment(named: "win-back") == expected)

        #expect(try await store.deleteSegment(named: "win-back"))
        #expect(try await store.deleteSegment(named: "win-back") == false)
        #expect(try await store.segments() == [big])
    }

    static func segmentCampaignsLifecycle(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let march = SegmentCampaign(
            flowID: "newsletter", campaign: "march", segment: "win-back", sendAt: StoreFixtures.date(day: 10),
            createdBy: "admin", createdAt: StoreFixtures.date(day: 1))
        let april = SegmentCampaign(
            flowID: "newsletter", campaign: "april", segment: "vip", sendAt: StoreFixtures.date(day: 20),
            createdBy: "admin", createdAt: StoreFixtures.date(day: 1))
        let other = SegmentCampaign(
            flowID: "another", campaign: "march", segment: "all", sendAt: StoreFixtures.date(day: 10),
            createdBy: "key-1", createdAt: StoreFixtures.date(day: 2))
        #expect(try await store.scheduleCampaign(april))
        #expect(try await store.scheduleCampaign(march))
        #expect(try await store.scheduleCampaign(other))
        // The key is flow and campaign: the same again stores nothing and changes nothing.
        var again = march
        again.segment = "all"
        #expect(try await store.scheduleCampaign(again) == false)
        #expect(try await store.campaign(flowID: "newsletter", campaign: "march") == march)
        #expect(try await store.campaign(flowID: "newsletter", campaign: "may") == nil)
        #expect(try await store.campaigns(flowID: "newsletter") == [march, april])

        #expect(try await store.dueCampaigns(now: StoreFixtures.date(day: 9)).isEmpty)
        #expect(try await store.dueCampaigns(now: StoreFixtures.date(day: 10)) == [other, march])
        #expect(try await store.dueCampaigns(now: StoreFixtures.date(day: 30)) == [other, march, april])

        // Sent once: a later cancel (or a second send) finds it sent and changes nothing.
        var sent = march
        sent.status = .sent
        sent.finishedAt = StoreFixtures.date(day: 11)
        #expect(try await store.finishCampaign(flowID: "newsletter", campaign: "march", status: .sent, at: StoreFixtures.date(day: 11)) == sent)
        #expect(
            try await store.finishCampaign(flowID: "newsletter", campaign: "march", status: .cancelled, at: StoreFixtures.date(day: 12))
                == sent)
        var cancelled = april
        cancelled.status = .cancelled
        cancelled.finishedAt = StoreFixtures.date(day: 12)
        #expect(
            try await store.finishCampaign(flowID: "newsletter", campaign: "april", status: .cancelled, at: StoreFixtures.date(day: 12))
                == cancelled)
        #expect(try await store.finishCampaign(flowID: "newsletter", campaign: "nope", status: .sent, at: StoreFixtures.date(day: 12)) == nil)
        #expect(try await store.dueCampaigns(now: StoreFixtures.date(day: 30)) == [other])
        #expect(try await store.campaigns(flowID: "newsletter") == [sent, cancelled])
    }
}
