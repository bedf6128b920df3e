import FlywheelCore
import Foundation

/// Everything a replay keeps per customer, in one value: an order touches one array element (a few
/// adjacent cache lines) instead of one element in each of ten arrays — at a million customers each of
/// those was a cache miss of its own. What every order reads comes first (id, ledger number, activity,
/// birthday, tier), what only some programmes use last.
struct ReplayMember: Sendable {
    /// The customer's external id.
    let id: String
    /// The customer's number in the ledger.
    let ledgerNumber: Int
    var lastActivity: Date?
    var lastBirthdayYear = Int.min
    var birthday: CivilDate?
    var tier = TierState()
    var membership = MembershipState()
    var badges = BadgeTracker()
    var challenges = ChallengeTracker()
    var segments: Set<String> = []

    init(id: String, ledgerNumber: Int) {
        self.id = id
        self.ledgerNumber = ledgerNumber
    }
}
