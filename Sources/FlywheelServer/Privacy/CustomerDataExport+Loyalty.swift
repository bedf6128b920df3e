import FlywheelCore
import FlywheelLoyalty
public import Foundation

extension CustomerDataExport {
    /// The document's sections with the loyalty ledger (`loyaltySection`), as the API and the CLI serve it.
    public init(loyalty: LoyaltyService?, now: Date) {
        self.init(sections: Self.standardSections + [Self.loyaltySection(loyalty, now: now)])
    }

    /// `loyalty`: the customer's balance, every ledger movement with its source and reason, the codes their
    /// redemptions issued, who referred them and their referral code, and the record an import from another
    /// provider kept. Read from the store, so it is there without a programme; with one (`loyalty`) the tier,
    /// the codes' status and the personal referral code and link are added. `nil` (the member left out) for a
    /// customer without any ledger or imported record.
    public static func loyaltySection(_ loyalty: LoyaltyService?, now: Date) -> CustomerExportSection {
        CustomerExportSection("loyalty") { customer, store in
            let id = customer.externalID
            var history: [LedgerEntryRecord] = []
            var before: Int?
            repeat {
                let page = try await store.ledgerHistory(LedgerHistoryQuery(customer: id, before: before, limit: 500))
                history += page.entries
                before = page.nextBefore
            } while before != nil
            let imported = try await store.importedMember(customer: id)
            let account = try await loyalty?.account(of: id, now: now)
            guard !history.isEmpty || imported != nil || account?.tier != nil else { return nil }
            let balance = try await store.ledgerBalance(customer: id)
            let signup = try await store.ledgerSources(kind: LoyaltyService.referralKind, key: LoyaltyService.signupKey)
                .first { $0.customer == id }
            let redemptions = history.filter { $0.sourceKind == SourceEvent.Kind.redemption.rawValue }
            var codes = redemptions.reduce(into: [String: ExportedLoyaltyCode]()) { codes, entry in
                codes[entry.sourceKey, default: ExportedLoyaltyCode(code: entry.sourceKey, issuedAt: entry.at)].points +=
                    entry.points
            }
            for code in account?.codes ?? [] {
                codes[code.code] = ExportedLoyaltyCode(
                    code: code.code, rewardID: code.rewardID, points: code.points, issuedAt: code.issuedAt,
                    expiresAt: code.expiresAt, status: code.status.rawValue)
            }
            return ExportedLoyalty(
                available: balance.available, pending: balance.pending, spendable: account?.spendable,
                tier: account?.tier.map { ExportedLoyalty.TierName(id: $0.id, name: $0.name) },
                history: history.reversed().map(ExportedLedgerEntry.init),
                codes: codes.values.sorted { ($0.issuedAt, $0.code) < ($1.issuedAt, $1.code) },
                referralCode: loyalty?.referralCode(of: id), referralLink: loyalty?.referralLink(of: id),
                referredBy: signup?.reference, importedMember: imported.map(ExportedImportedMember.init))
        }
    }
}

/// The export's `loyalty` member.
struct ExportedLoyalty: Encodable, Sendable {
    struct TierName: Encodable, Sendable {
        var id: String
        var name: String
    }

    var available: Int64
    var pending: Int64
    var spendable: Int64?
    var tier: TierName?
    var history: [ExportedLedgerEntry]
    var codes: [ExportedLoyaltyCode]
    var referralCode: String?
    var referralLink: URL?
    var referredBy: String?
    var importedMember: ExportedImportedMember?

    enum CodingKeys: String, CodingKey {
        case available, pending, spendable, tier, history, codes, referralCode = "referral_code"
        case referralLink = "referral_link", referredBy = "referred_by", importedMember = "imported_member"
    }
}

/// One ledger movement: points from one account to another, with the source that caused it and the reason.
struct ExportedLedgerEntry: Encodable, Sendable {
    var sequence: Int
    var at: Date
    var points: Int64
    var from: String
    var to: String
    var sourceKind: String
    var sourceKey: String
    var reason: String
    var admin: String?

    init(_ entry: LedgerEntryRecord) {
        sequence = entry.sequence
        at = entry.at
        points = entry.points
        from = entry.debit.rawValue
        to = entry.credit.rawValue
        sourceKind = entry.sourceKind
        sourceKey = entry.sourceKey
        reason = entry.reason
        admin = entry.admin
    }

    enum CodingKeys: String, CodingKey {
        case sequence, at, points, from, to, sourceKind = "source_kind", sourceKey = "source_key", reason, admin
    }
}

/// A code a redemption issued: from the ledger, with the reward and status when a programme is loaded.
struct ExportedLoyaltyCode: Encodable, Sendable {
    var code: String
    var rewardID: String?
    var points: Int64 = 0
    var issuedAt: Date
    var expiresAt: Date?
    var status: String?

    enum CodingKeys: String, CodingKey {
        case code, rewardID = "reward_id", points, issuedAt = "issued_at", expiresAt = "expires_at", status
    }
}

/// The record an import from another loyalty provider kept (tier grant, referral code).
struct ExportedImportedMember: Encodable, Sendable {
    var source: String
    var sourceTier: String?
    var tier: String?
    var tierUntil: Date?
    var referralCode: String?
    var referralLink: String?
    var optedIn: Bool?
    var importedAt: Date

    init(_ member: ImportedLoyaltyMember) {
        source = member.source
        sourceTier = member.sourceTier
        tier = member.tier
        tierUntil = member.tierUntil
        referralCode = member.referralCode
        referralLink = member.referralLink
        optedIn = member.optedIn
        importedAt = member.importedAt
    }

    enum CodingKeys: String, CodingKey {
        case source, sourceTier = "source_tier", tier, tierUntil = "tier_until", referralCode = "referral_code"
        case referralLink = "referral_link", optedIn = "opted_in", importedAt = "imported_at"
    }
}
