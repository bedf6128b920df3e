public import FlywheelCore
public import Foundation
import PostgresNIO

extension PostgresStore {
    public func saveSegment(_ segment: StoredSegment) async throws -> StoredSegment {
        let rows = try await rows(
            """
            INSERT INTO segments (name, definition, created_at, updated_at, updated_by)
            VALUES (\(segment.name), \(segment.definition), \(PostgresTimestamp(segment.createdAt)), \
            \(PostgresTimestamp(segment.updatedAt)), \(segment.updatedBy))
            ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by
            RETURNING \(unescaped: Self.segmentColumns)
            """)
        guard let row = rows.first else { throw PostgresStoreError.unreadableValue(table: "segments", column: "name") }
        return try Self.segment(row: row)
    }

    public func segment(named name: String) async throws -> StoredSegment? {
        try await rows("SELECT \(unescaped: Self.segmentColumns) FROM segments WHERE name = \(name)").first
            .map(Self.segment(row:))
    }

    public func segments() async throws -> [StoredSegment] {
        try await rows("SELECT \(unescaped: Self.segmentColumns) FROM segments ORDER BY name").map(Self.segment(row:))
    }

    public func deleteSegment(named name: String) async throws -> Bool {
        !(try await rows("DELETE FROM segments WHERE name = \(name) RETURNING name")).isEmpty
    }

    public func scheduleCampaign(_ campaign: SegmentCampaign) async throws -> Bool {
        let inserted = try await rows(
            """
            INSERT INTO segment_campaigns (flow_id, campaign, segment, send_at, status, created_by, created_at,
                finished_at)
            VALUES (\(campaign.flowID), \(campaign.campaign), \(campaign.segment), \
            \(PostgresTimestamp(campaign.sendAt)), \(campaign.status.rawValue), \(campaign.createdBy), \
            \(PostgresTimestamp(campaign.createdAt)), \(campaign.finishedAt.map(PostgresTimestamp.init)))
            ON CONFLICT (flow_id, campaign) DO NOTHING RETURNING campaign
            """)
        return !inserted.isEmpty
    }

    public func campaign(flowID: String, campaign: String) async throws -> SegmentCampaign? {
        try await rows(
            """
            SELECT \(unescaped: Self.campaignColumns) FROM segment_campaigns
            WHERE flow_id = \(flowID) AND campaign = \(campaign)
            """
        ).first.map(Self.campaign(row:))
    }

    public func campaigns(flowID: String) async throws -> [SegmentCampaign] {
        try await rows(
            """
            SELECT \(unescaped: Self.campaignColumns) FROM segment_campaigns WHERE flow_id = \(flowID)
            ORDER BY send_at, flow_id, campaign
            """
        ).map(Self.campaign(row:))
    }

    public func dueCampaigns(now: Date) async throws -> [SegmentCampaign] {
        try await rows(
            """
            SELECT \(unescaped: Self.campaignColumns) FROM segment_campaigns
            WHERE status = 'scheduled' AND send_at <= \(PostgresTimestamp(now))
            ORDER BY send_at, flow_id, campaign
            """
        ).map(Self.campaign(row:))
    }

    public func recordCampaignProgress(
        flowID: String, campaign: String, expectedHandled: Int, progress: SegmentCampaign.Progress
    ) async throws -> Bool {
        // One statement, a compare and set on the handled count: of two servers running one piece, one records it.
        let updated = try await rows(
            """
            UPDATE segment_campaigns SET progress_members = \(progress.members), progress_handled = \(progress.handled),
                progress_entered = \(progress.entered), progress_cursor = \(progress.cursor),
                progress_at = \(PostgresTimestamp(progress.updatedAt))
            WHERE flow_id = \(flowID) AND campaign = \(campaign) AND status = 'scheduled'
                AND progress_handled = \(expectedHandled)
            RETURNING campaign
            """)
        return !updated.isEmpty
    }

    public func finishCampaign(flowID: String, campaign: String, status: SegmentCampaign.Status, at: Date)
        async throws -> SegmentCampaign?
    {
        // One statement: the row changes only while scheduled, so a racing cancel and send settle on one outcome.
        let updated = try await rows(
            """
            UPDATE segment_campaigns SET status = \(status.rawValue), finished_at = \(PostgresTimestamp(at))
            WHERE flow_id = \(flowID) AND campaign = \(campaign) AND status = 'scheduled'
            RETURNING \(unescaped: Self.campaignColumns)
            """)
        if let row = updated.first { return try Self.campaign(row: row) }
        return try await self.campaign(flowID: flowID, campaign: campaign)
    }

    private static let segmentColumns = "name, definition, created_at, updated_at, updated_by"
    private static let campaignColumns =
        "flow_id, campaign, segment, send_at, status, created_by, created_at, finished_at, progress_members, "
        + "progress_handled, progress_entered, progress_cursor, progress_at"

    private static func segment(row: PostgresRow) throws -> StoredSegment {
        let r = PostgresStoredRow(row, table: "segments")
        return StoredSegment(
            name: try r.string("name"), definition: try r.string("definition"), createdAt: try r.date("created_at"),
            updatedAt: try r.date("updated_at"), updatedBy: try r.string("updated_by"))
    }

    private static func campaign(row: PostgresRow) throws -> SegmentCampaign {
        let r = PostgresStoredRow(row, table: "segment_campaigns")
        guard let status = SegmentCampaign.Status(rawValue: try r.string("status")) else {
            throw PostgresStoreError.unreadableValue(table: "segment_campaigns", column: "status")
        }
        var progress: SegmentCampaign.Progress?
        if let members = try r.optionalInt("progress_members"), let at = try r.optionalDate("progress_at") {
            progress = SegmentCampaign.Progress(
                members: members, handled: try r.int("progress_handled"), entered: try r.int("progress_entered"),
                cursor: try r.optionalString("progress_cursor"), updatedAt: at)
        }
        return SegmentCampaign(
            flowID: try r.string("flow_id"), campaign: try r.string("campaign"), segment: try r.string("segment"),
            sendAt: try r.date("send_at"), status: status, createdBy: try r.string("created_by"),
            createdAt: try r.date("created_at"), finishedAt: try r.optionalDate("finished_at"), progress: progress)
    }
}
