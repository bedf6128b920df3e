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
}
