public import FlywheelCore
public import Foundation
import GRDB

extension SQLiteStore {
    public func saveSegment(_ segment: StoredSegment) async throws -> StoredSegment {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO segments (name, definition, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET definition = excluded.definition,
                        updated_at = excluded.updated_at, updated_by = excluded.updated_by
                    """,
                arguments: [
                    segment.name, segment.definition, EpochMilliseconds.from(segment.createdAt),
                    EpochMilliseconds.from(segment.updatedAt), segment.updatedBy,
                ])
            guard let stored = try Self.segments(db, where: "name = ?", [segment.name]).first else {
                throw SQLiteStoreError.unreadableValue(table: "segments", column: "name")
            }
            return stored
        }
    }

    public func segment(named name: String) async throws -> StoredSegment? {
        try await pool.read { db in try Self.segments(db, where: "name = ?", [name]).first }
    }

    public func segments() async throws -> [StoredSegment] {
        // SQLite compares TEXT with memcmp (BINARY): byte order, as `KeyOrder`.
        try await pool.read { db in try Self.segments(db, where: "1 = 1", []) }
    }

    public func deleteSegment(named name: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM segments WHERE name = ?", arguments: [name])
            return db.changesCount == 1
        }
    }

    public func scheduleCampaign(_ campaign: SegmentCampaign) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO segment_campaigns (flow_id, campaign, segment, send_at, status, created_by, created_at,
                        finished_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (flow_id, campaign) DO NOTHING
                    """,
                arguments: [
                    campaign.flowID, campaign.campaign, campaign.segment, EpochMilliseconds.from(campaign.sendAt),
                    campaign.status.rawValue, campaign.createdBy, EpochMilliseconds.from(campaign.createdAt),
                    campaign.finishedAt.map(EpochMilliseconds.from),
                ])
            return db.changesCount == 1
        }
    }

    public func campaign(flowID: String, campaign: String) async throws -> SegmentCampaign? {
        try await pool.read { db in
            try Self.campaigns(db, where: "flow_id = ? AND campaign = ?", [flowID, campaign]).first
        }
    }

    public func campaigns(flowID: String) async throws -> [SegmentCampaign] {
        try await pool.read { db in try Self.campaigns(db, where: "flow_id = ?", [flowID]) }
    }

    public func dueCampaigns(now: Date) async throws -> [SegmentCampaign] {
        try await pool.read { db in
            try Self.campaigns(db, where: "status = 'scheduled' AND send_at <= ?", [EpochMilliseconds.from(now)])
        }
    }

    public func recordCampaignProgress(
        flowID: String, campaign: String, expectedHandled: Int, progress: SegmentCampaign.Progress
    ) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE segment_campaigns SET progress_members = ?, progress_handled = ?, progress_entered = ?,
                        progress_cursor = ?, progress_at = ?
                    WHERE flow_id = ? AND campaign = ? AND status = 'scheduled' AND progress_handled = ?
                    """,
                arguments: [
                    progress.members, progress.handled, progress.entered, progress.cursor,
                    EpochMilliseconds.from(progress.updatedAt), flowID, campaign, expectedHandled,
                ])
            return db.changesCount == 1
        }
    }

    public func finishCampaign(flowID: String, campaign: String, status: SegmentCampaign.Status, at: Date)
        async throws -> SegmentCampaign?
    {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE segment_campaigns SET status = ?, finished_at = ?
                    WHERE flow_id = ? AND campaign = ? AND status = 'scheduled'
                    """,
                arguments: [status.rawValue, EpochMilliseconds.from(at), flowID, campaign])
            return try Self.campaigns(db, where: "flow_id = ? AND campaign = ?", [flowID, campaign]).first
        }
    }

    private static func segments(_ db: Database, where condition: String, _ arguments: StatementArguments) throws
        -> [StoredSegment]
    {
        try Row.fetchAll(db, sql: "SELECT * FROM segments WHERE \(condition) ORDER BY name", arguments: arguments)
            .map { row in
                let r = StoredRow(row, table: "segments")
                return StoredSegment(
                    name: try r.string("name"), definition: try r.string("definition"), createdAt: try r.date("created_at"),
                    updatedAt: try r.date("updated_at"), updatedBy: try r.string("updated_by"))
            }
    }

    private static func campaigns(_ db: Database, where condition: String, _ arguments: StatementArguments) throws
        -> [SegmentCampaign]
    {
        try Row.fetchAll(
            db, sql: "SELECT * FROM segment_campaigns WHERE \(condition) ORDER BY send_at, flow_id, campaign",
            arguments: arguments
        ).map { row in
            let r = StoredRow(row, table: "segment_campaigns")
            guard let status = SegmentCampaign.Status(rawValue: try r.string("status")) else {
                throw SQLiteStoreError.unreadableValue(table: "segment_campaigns", column: "status")
            }
            var progress: SegmentCampaign.Progress?
            if let members = try r.optionalInt("progress_members"), let at = r.optionalDate("progress_at") {
                progress = SegmentCampaign.Progress(
                    members: members, handled: try r.int("progress_handled"), entered: try r.int("progress_entered"),
                    cursor: r.optionalString("progress_cursor"), updatedAt: at)
            }
            return SegmentCampaign(
                flowID: try r.string("flow_id"), campaign: try r.string("campaign"), segment: try r.string("segment"),
                sendAt: try r.date("send_at"), status: status, createdBy: try r.string("created_by"),
                createdAt: try r.date("created_at"), finishedAt: r.optionalDate("finished_at"), progress: progress)
        }
    }
}
