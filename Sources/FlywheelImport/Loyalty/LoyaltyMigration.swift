/// What another provider's exports hold, read and checked (`LoyaltyMigrationReader`): the members and,
/// when a history file was given, the history rows, each tied to a member. Neutral for every provider.
public struct LoyaltyMigration: Hashable, Sendable {
    public var provider: LoyaltyProvider
    /// The members, in file order.
    public var members: [LoyaltyMember]
    /// Each member's history rows (by index into `members`), in time order (file order on ties).
    public var history: [Int: [LoyaltyHistoryRow]]
    /// Whether a history file was given (a member without rows in it then has an empty history).
    public var hasHistory: Bool
    /// History rows that name no member of the members file: skipped, with the reason.
    public var skippedHistory: [LoyaltyImportProblem]
    /// The members file's path, for messages.
    public var membersFile = "members"
    /// The history file's path, for messages.
    public var historyFile = "history"

    /// Makes a migration.
    public init(
        provider: LoyaltyProvider, members: [LoyaltyMember], history: [Int: [LoyaltyHistoryRow]] = [:],
        hasHistory: Bool = false, skippedHistory: [LoyaltyImportProblem] = []
    ) {
        self.provider = provider
        self.members = members
        self.history = history
        self.hasHistory = hasHistory
        self.skippedHistory = skippedHistory
    }
}
