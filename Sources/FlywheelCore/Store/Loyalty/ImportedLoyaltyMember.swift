public import Foundation

/// What a switch from another loyalty provider brought in for one member, beyond points: the tier the member
/// keeps at least until a date (a tier grant) and the referral code their shared links carry.
///
/// Stored once per customer (the first import wins; a re-import changes nothing), so a later import cannot
/// take a granted tier or a code away.
public struct ImportedLoyaltyMember: Hashable, Sendable {
    /// The shop's customer id.
    public var customer: String
    /// Where the member came from: `smile`, `loyaltylion`, `yotpo` or `flywheel` (a Flywheel export).
    public var source: String
    /// The tier's name at the provider, as the export spelled it.
    public var sourceTier: String?
    /// The programme's tier id the member keeps at least (`nil`: no tier granted).
    public var tier: String?
    /// Until when the tier is kept at least (the programme's tier period end); `nil` for no end.
    public var tierUntil: Date?
    /// The member's referral code at the provider (unique across members); links carrying it keep working.
    public var referralCode: String?
    /// The member's referral link at the provider, as exported.
    public var referralLink: String?
    /// Whether the member had opted in to the provider's programme (`nil`: unknown).
    public var optedIn: Bool?
    /// When the import stored this record.
    public var importedAt: Date

    /// Makes a record.
    public init(
        customer: String, source: String, sourceTier: String? = nil, tier: String? = nil, tierUntil: Date? = nil,
        referralCode: String? = nil, referralLink: String? = nil, optedIn: Bool? = nil, importedAt: Date
    ) {
        self.customer = customer
        self.source = source
        self.sourceTier = sourceTier
        self.tier = tier
        self.tierUntil = tierUntil
        self.referralCode = referralCode
        self.referralLink = referralLink
        self.optedIn = optedIn
        self.importedAt = importedAt
    }
}
