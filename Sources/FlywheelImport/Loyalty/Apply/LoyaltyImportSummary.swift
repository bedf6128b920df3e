/// What a loyalty import did (or, in a dry run, would do).
public struct LoyaltyImportSummary: Hashable, Sendable {
    public var provider: LoyaltyProvider
    public var dryRun = false
    /// Members in the file.
    public var members = 0
    /// Members matched to a stored customer by customer id, and by e-mail.
    public var matchedByID = 0
    public var matchedByEmail = 0
    /// Customers created from member rows.
    public var created = 0
    /// Members whose ledger this run changed.
    public var ledgersChanged = 0
    /// Net points this run added to the members' balances (history, opening and reconciling entries).
    public var pointsImported: Int64 = 0
    /// History rows applied by this run.
    public var historyRows = 0
    /// Tiers granted and referral codes kept by this run.
    public var tiersGranted = 0
    public var referralCodes = 0
    /// Rows or parts of rows skipped, with the reason.
    public var skipped: [LoyaltyImportProblem] = []

    /// An empty summary for `provider`.
    public init(provider: LoyaltyProvider) { self.provider = provider }
}
