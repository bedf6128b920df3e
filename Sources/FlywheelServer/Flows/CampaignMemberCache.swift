import Synchronization

/// The members of the campaigns under way in this process, evaluated once per campaign (as of its `send_at`) and
/// kept in byte order of customer id while its pieces run, so a piece does not evaluate the segment again. A
/// restart loses it; the next piece evaluates again (as of the same `send_at`) and goes on after the stored
/// cursor.
final class CampaignMemberCache: Sendable {
    private let members = Mutex<[String: [String]]>([:])

    /// The members kept for this campaign.
    func members(flowID: String, campaign: String) -> [String]? {
        members.withLock { $0[Self.key(flowID, campaign)] }
    }

    /// Keeps `list` (sorted by the caller) for the campaign.
    func keep(_ list: [String], flowID: String, campaign: String) {
        members.withLock { $0[Self.key(flowID, campaign)] = list }
    }

    /// Forgets the campaign (sent, cancelled, or recorded by another server).
    func forget(flowID: String, campaign: String) {
        _ = members.withLock { $0.removeValue(forKey: Self.key(flowID, campaign)) }
    }

    private static func key(_ flowID: String, _ campaign: String) -> String { flowID + "\u{0}" + campaign }
}
