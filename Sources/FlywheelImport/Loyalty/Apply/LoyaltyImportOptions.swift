public import FlywheelCore
public import Foundation

/// How `LoyaltyMigrationImporter` applies a migration.
public struct LoyaltyImportOptions: Sendable {
    /// Provider tier name (compared ignoring case) → the programme's tier id.
    public var tierMap: [String: String]
    /// The programme's tiers (id and name), when a programme was given: names not in `tierMap` are matched
    /// against their ids and names ignoring case, and a name matching none is an error.
    public var programmeTiers: [(id: String, name: String)]?
    /// Until when imported tiers are kept at least (`nil`: no end).
    public var tierUntil: Date?
    /// The import's time: opening and reconciling entries and the member records carry it.
    public var now: Date
    /// The shop's calendar (the import's date in ledger reasons).
    public var calendar: ShopCalendar
    /// Work everything out and report it, store nothing.
    public var dryRun: Bool
    /// Called after every 500 members with (done, total).
    public var progress: (@Sendable (Int, Int) -> Void)?

    /// Makes options.
    public init(
        tierMap: [String: String] = [:], programmeTiers: [(id: String, name: String)]? = nil, tierUntil: Date? = nil,
        now: Date, calendar: ShopCalendar, dryRun: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) {
        self.tierMap = Dictionary(tierMap.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.programmeTiers = programmeTiers
        self.tierUntil = tierUntil
        self.now = now
        self.calendar = calendar
        self.dryRun = dryRun
        self.progress = progress
    }
}
