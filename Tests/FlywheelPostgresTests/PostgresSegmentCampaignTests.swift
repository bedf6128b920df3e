import FlywheelCore
import FlywheelStore
import Foundation
import Testing

/// Two Flywheel processes on one database settling scheduled segment sends.
@Suite(
    "PostgreSQL store: segment campaigns across processes",
    .enabled(if: PostgresTestServer.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/test sets it)"))
struct PostgresSegmentCampaignTests {
    @Test("a send and a cancel racing from two pools settle each campaign once")
    func sendAndCancelSettleOnce() async throws {
        try await PostgresTestServer.withDatabase { url in
            let first = try await PostgresStore.connect(url: url, maximumConnections: 4)
            let second = try await PostgresStore.connect(url: url, maximumConnections: 4)
            try await first.migrate()
            let start = Date(timeIntervalSince1970: 1_700_000_000)
            for index in 0..<40 {
                #expect(
                    try await first.scheduleCampaign(
                        SegmentCampaign(
                            flowID: "newsletter", campaign: "c\(index)", segment: "all", sendAt: start, createdBy: "owner",
                            createdAt: start)))
            }
            // The other process may not schedule the same key again.
            #expect(
                try await second.scheduleCampaign(
                    SegmentCampaign(
                        flowID: "newsletter", campaign: "c0", segment: "vip", sendAt: start, createdBy: "other", createdAt: start))
                    == false)
            let due = try await second.dueCampaigns(now: start)
            #expect(due.count == 40)
            let outcomes = try await withThrowingTaskGroup(of: (String, SegmentCampaign.Status).self) { group in
                for row in due {
                    group.addTask {
                        let row = try await first.finishCampaign(
                            flowID: row.flowID, campaign: row.campaign, status: .sent, at: start.addingTimeInterval(1))
                        return (row?.campaign ?? "", row?.status ?? .scheduled)
                    }
                    group.addTask {
                        let row = try await second.finishCampaign(
                            flowID: row.flowID, campaign: row.campaign, status: .cancelled, at: start.addingTimeInterval(2))
                        return (row?.campaign ?? "", row?.status ?? .scheduled)
                    }
                }
                var seen: [String: Set<SegmentCampaign.Status>] = [:]
                for try await (campaign, status) in group { seen[campaign, default: []].insert(status) }
                return seen
            }
            // Both callers of a campaign were answered with the one outcome stored.
            #expect(outcomes.count == 40)
            #expect(outcomes.values.allSatisfy { $0.count == 1 && !$0.contains(.scheduled) })
            let stored = try await first.campaigns(flowID: "newsletter")
            for row in stored { #expect(outcomes[row.campaign] == [row.status]) }
            #expect(try await second.dueCampaigns(now: start.addingTimeInterval(3_600)).isEmpty)
            await first.shutdown()
            await second.shutdown()
        }
    }

    @Test("a piece of a send recorded from two pools at once is recorded once (compare and set on the handled count)")
    func progressRecordedOnce() async throws {
        try await PostgresTestServer.withDatabase { url in
            let first = try await PostgresStore.connect(url: url, maximumConnections: 4)
            let second = try await PostgresStore.connect(url: url, maximumConnections: 4)
            try await first.migrate()
            let start = Date(timeIntervalSince1970: 1_700_000_000)
            for index in 0..<30 {
                #expect(
                    try await first.scheduleCampaign(
                        SegmentCampaign(
                            flowID: "newsletter", campaign: "p\(index)", segment: "all", sendAt: start, createdBy: "owner",
                            createdAt: start)))
            }
            // Both servers ran the first piece of every campaign and record it over the empty progress they read.
            let wins = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for index in 0..<30 {
                    for (name, store) in [("first", first), ("second", second)] {
                        group.addTask {
                            let progress = SegmentCampaign.Progress(
                                members: 900, handled: 200, entered: name == "first" ? 200 : 150, cursor: "c-200",
                                updatedAt: start.addingTimeInterval(1))
                            let recorded = try await store.recordCampaignProgress(
                                flowID: "newsletter", campaign: "p\(index)", expectedHandled: 0, progress: progress)
                            return (recorded ? "p\(index)" : "", name)
                        }
                    }
                }
                var wins: [String: [String]] = [:]
                for try await (campaign, name) in group where !campaign.isEmpty { wins[campaign, default: []].append(name) }
                return wins
            }
            #expect(wins.count == 30 && wins.values.allSatisfy { $0.count == 1 })
            for row in try await second.campaigns(flowID: "newsletter") {
                let winner = try #require(wins[row.campaign]?.first)
                #expect(row.progress?.entered == (winner == "first" ? 200 : 150) && row.state == .sending)
            }
            // The next piece goes over the recorded one only.
            let next = SegmentCampaign.Progress(members: 900, handled: 400, entered: 390, cursor: "c-400", updatedAt: start)
            #expect(try await second.recordCampaignProgress(flowID: "newsletter", campaign: "p0", expectedHandled: 0, progress: next) == false)
            #expect(try await second.recordCampaignProgress(flowID: "newsletter", campaign: "p0", expectedHandled: 200, progress: next))
            #expect(try await first.campaign(flowID: "newsletter", campaign: "p0")?.progress == next)
            await first.shutdown()
            await second.shutdown()
        }
    }
}
