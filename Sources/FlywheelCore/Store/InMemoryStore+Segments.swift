public import Foundation

extension InMemoryStore {
    public func saveSegment(_ segment: StoredSegment) async throws -> StoredSegment {
        var stored = segment
        if let existing = savedSegments[segment.name] { stored.createdAt = existing.createdAt }
        savedSegments[segment.name] = stored
        return stored
    }

    public func segment(named name: String) async throws -> StoredSegment? { savedSegments[name] }

    public func segments() async throws -> [StoredSegment] {
        savedSegments.keys.sorted(by: KeyOrder.precedes).compactMap { savedSegments[$0] }
    }

    public func deleteSegment(named name: String) async throws -> Bool {
        savedSegments.removeValue(forKey: name) != nil
    }

    public func scheduleCampaign(_ campaign: SegmentCampaign) async throws -> Bool {
        let key = CampaignKey(flowID: campaign.flowID, campaign: campaign.campaign)
        guard segmentCampaigns[key] == nil else { return false }
        segmentCampaigns[key] = campaign
        return true
    }

    public func campaign(flowID: String, campaign: String) async throws -> SegmentCampaign? {
        segmentCampaigns[CampaignKey(flowID: flowID, campaign: campaign)]
    }

    public func campaigns(flowID: String) async throws -> [SegmentCampaign] {
        segmentCampaigns.values.filter { $0.flowID == flowID }.sorted(by: Self.sendOrder)
    }

    public func dueCampaigns(now: Date) async throws -> [SegmentCampaign] {
        segmentCampaigns.values.filter { $0.status == .scheduled && $0.sendAt <= now }.sorted(by: Self.sendOrder)
    }

    public func recordCampaignProgress(
        flowID: String, campaign: String, expectedHandled: Int, progress: SegmentCampaign.Progress
    ) async throws -> Bool {
        let key = CampaignKey(flowID: flowID, campaign: campaign)
        guard var row = segmentCampaigns[key], row.status == .scheduled, (row.progress?.handled ?? 0) == expectedHandled
        else { return false }
        row.progress = progress
        segmentCampaigns[key] = row
        return true
    }

    public func finishCampaign(flowID: String, campaign: String, status: SegmentCampaign.Status, at: Date)
        async throws -> SegmentCampaign?
    {
        let key = CampaignKey(flowID: flowID, campaign: campaign)
        guard var row = segmentCampaigns[key] else { return nil }
        if row.status == .scheduled {
            row.status = status
            row.finishedAt = at
            segmentCampaigns[key] = row
        }
        return row
    }

    /// Earliest `sendAt` first, then flow and campaign in byte order.
    private static func sendOrder(_ a: SegmentCampaign, _ b: SegmentCampaign) -> Bool {
        if a.sendAt != b.sendAt { return a.sendAt < b.sendAt }
        if a.flowID != b.flowID { return KeyOrder.precedes(a.flowID, b.flowID) }
        return KeyOrder.precedes(a.campaign, b.campaign)
    }
}

/// A campaign's key in the in-memory engine.
struct CampaignKey: Hashable, Sendable {
    var flowID: String
    var campaign: String
}
