public import Foundation

/// Saved segments and scheduled segment sends, the part of the store contract behind `/api/v1/segments` and
/// `/api/v1/flows/{id}/sends` (`FlywheelStore` refines it). See docs/storage.md ("Segments and campaigns").
///
/// Rules every engine keeps:
/// - A segment is keyed by its name; saving a stored name replaces its definition and keeps `createdAt`.
/// - A campaign is keyed by flow and campaign id; scheduling a stored key stores nothing (`false`).
/// - Progress is recorded only on a scheduled campaign, and only over the progress the writer read.
/// - A campaign leaves `scheduled` once: `finishCampaign` changes only a scheduled row, so a cancel and a send
///   racing (two servers on one PostgreSQL) settle on one outcome.
public protocol SegmentStore: Sendable {
    /// Stores a segment, or replaces the definition of the stored one of that name (keeping its `createdAt`).
    /// Returns the segment as stored.
    func saveSegment(_ segment: StoredSegment) async throws -> StoredSegment
    /// The segment of this name (exact match).
    func segment(named name: String) async throws -> StoredSegment?
    /// Every segment, by name in byte order.
    func segments() async throws -> [StoredSegment]
    /// Deletes the segment of this name; `false` when there is none.
    func deleteSegment(named name: String) async throws -> Bool

    /// Stores a campaign unless one with its flow and campaign id is stored (`false` then, nothing changed).
    func scheduleCampaign(_ campaign: SegmentCampaign) async throws -> Bool
    /// The campaign of this flow and id.
    func campaign(flowID: String, campaign: String) async throws -> SegmentCampaign?
    /// A flow's campaigns, the earliest `sendAt` first (then by campaign id in byte order).
    func campaigns(flowID: String) async throws -> [SegmentCampaign]
    /// Scheduled campaigns whose `sendAt` is at or before `now`, the earliest first (then by flow, campaign).
    func dueCampaigns(now: Date) async throws -> [SegmentCampaign]
    /// Records a piece of a send under way: stores `progress` on the campaign while it is scheduled and its
    /// stored progress has handled exactly `expectedHandled` members (0 before the first piece) — a compare and
    /// set, so two servers running one campaign never count a piece twice. `false` when nothing changed (the
    /// campaign is gone, no longer scheduled, or another server recorded a piece first).
    func recordCampaignProgress(
        flowID: String, campaign: String, expectedHandled: Int, progress: SegmentCampaign.Progress
    ) async throws -> Bool
    /// Moves a scheduled campaign to `status` (`sent` or `cancelled`) at `at`; returns the row as stored
    /// afterwards, `nil` when there is no such campaign. A campaign no longer scheduled is returned unchanged.
    func finishCampaign(flowID: String, campaign: String, status: SegmentCampaign.Status, at: Date) async throws
        -> SegmentCampaign?
}
