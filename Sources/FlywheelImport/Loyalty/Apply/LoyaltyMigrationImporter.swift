public import FlywheelCore
import FlywheelLoyalty
import Foundation

/// Applies a `LoyaltyMigration` to a store: matches each member to a customer (by customer id, else by
/// e-mail; unknown members become customers), brings their points into the ledger with provenance
/// (`MemberLedgerMigration`), and keeps their tier as a tier grant and their referral code
/// (`ImportedLoyaltyMember`). Re-importing the same files changes nothing.
public enum LoyaltyMigrationImporter {
    /// Applies `migration`; throws `LoyaltyImportError` before storing anything when a tier has no Flywheel
    /// tier. Each member's ledger is one store transaction.
    public static func apply(
        _ migration: LoyaltyMigration, to store: any FlywheelStore, options: LoyaltyImportOptions
    ) async throws -> LoyaltyImportSummary {
        var summary = LoyaltyImportSummary(provider: migration.provider)
        summary.dryRun = options.dryRun
        summary.members = migration.members.count
        summary.skipped = migration.skippedHistory
        let tiers = try resolveTiers(migration, options: options)

        // Customers: match, then create the unknown ones and fill in what the shop does not know yet.
        var customers: [String] = []
        var batch = IngestBatch()
        for member in migration.members {
            var stored: Customer?
            if let id = member.customerID, let found = try await store.customer(externalID: id) {
                stored = found
                summary.matchedByID += 1
            } else if let email = member.email,
                let found = try await store.customers(CustomerQuery(limit: 1, email: email)).items.first
            {
                stored = found
                summary.matchedByEmail += 1
            }
            let id = stored?.externalID ?? member.customerID ?? member.email ?? ""
            customers.append(id)
            let incoming = Customer(
                externalID: id, email: stored?.email == nil ? member.email : nil,
                firstName: stored?.firstName == nil ? member.firstName : nil,
                lastName: stored?.lastName == nil ? member.lastName : nil,
                birthday: stored?.birthday == nil ? member.birthday : nil,
                createdAt: stored == nil ? member.memberSince : nil)
            if stored == nil { summary.created += 1 }
            if stored == nil || incoming != Customer(externalID: id) { batch.customers.append(incoming) }
            if batch.customers.count >= 1_000, !options.dryRun {
                _ = try await store.ingest(batch)
                batch = IngestBatch()
            }
        }
        if !batch.customers.isEmpty, !options.dryRun { _ = try await store.ingest(batch) }

        // Points, one member (one transaction) at a time.
        let day = options.calendar.localDate(of: options.now).description
        for (index, member) in migration.members.enumerated() {
            let migrationOfMember = MemberLedgerMigration(
                provider: migration.provider, member: member, rows: migration.history[index] ?? [],
                customer: customers[index], now: options.now, day: day)
            let outcome = try await applyLedger(migrationOfMember, store: store, dryRun: options.dryRun)
            if outcome.changed { summary.ledgersChanged += 1 }
            summary.pointsImported += outcome.netPoints
            summary.historyRows += outcome.historyRows
            for shortfall in outcome.shortfalls {
                summary.skipped.append(
                    LoyaltyImportProblem(
                        file: shortfall.inHistory ? migration.historyFile : migration.membersFile,
                        line: shortfall.line, column: "points",
                        reason: "\(shortfall.points) points could not be taken: the member had no more on record"))
            }
            try await keepMember(
                member, customer: customers[index], tier: tiers[index], migration: migration, store: store,
                options: options, summary: &summary)
            if (index + 1) % 500 == 0 { options.progress?(index + 1, migration.members.count) }
        }
        options.progress?(migration.members.count, migration.members.count)
        return summary
    }

    /// Runs the member's ledger migration in one transaction; in a dry run the transaction is rolled back
    /// (the body throws after working everything out).
    private static func applyLedger(_ work: MemberLedgerMigration, store: any FlywheelStore, dryRun: Bool)
        async throws -> MemberLedgerMigration.Outcome
    {
        guard dryRun else {
            return try await store.withPointsLedger(customer: work.customer) { ledger in work.apply(to: &ledger) }
        }
        do {
            _ = try await store.withPointsLedger(customer: work.customer) { ledger -> Int in
                throw DryRun(outcome: work.apply(to: &ledger))
            }
        } catch let dryRun as DryRun {
            return dryRun.outcome
        }
        return MemberLedgerMigration.Outcome()
    }

    private struct DryRun: Error {
        let outcome: MemberLedgerMigration.Outcome
    }

    private static func keepMember(
        _ member: LoyaltyMember, customer: String, tier: String?, migration: LoyaltyMigration,
        store: any FlywheelStore, options: LoyaltyImportOptions, summary: inout LoyaltyImportSummary
    ) async throws {
        guard member.tier != nil || member.referralCode != nil || member.optedIn != nil else { return }
        guard try await store.importedMember(customer: customer) == nil else { return }
        var code = member.referralCode
        if let wanted = code, let holder = try await store.importedMember(referralCode: wanted),
            holder.customer != customer
        {
            summary.skipped.append(
                LoyaltyImportProblem(
                    file: migration.membersFile, line: member.line, column: "referral",
                    reason: "the referral code is already kept for another customer; not kept for this one"))
            code = nil
        }
        let record = ImportedLoyaltyMember(
            customer: customer, source: migration.provider.rawValue, sourceTier: member.tier, tier: tier,
            tierUntil: tier == nil ? nil : options.tierUntil, referralCode: code,
            referralLink: code == nil ? nil : member.referralLink, optedIn: member.optedIn, importedAt: options.now)
        let saved = options.dryRun ? true : try await store.saveImportedMember(record)
        if saved {
            if tier != nil { summary.tiersGranted += 1 }
            if code != nil { summary.referralCodes += 1 }
        }
    }

    /// Each member's Flywheel tier id, or a `LoyaltyImportError` naming every tier without one.
    static func resolveTiers(_ migration: LoyaltyMigration, options: LoyaltyImportOptions) throws(LoyaltyImportError)
        -> [String?]
    {
        var problems: [LoyaltyImportProblem] = []
        let resolved: [String?] = migration.members.map { member in
            guard let name = member.tier else { return nil }
            if let mapped = options.tierMap[name.lowercased()] { return mapped }
            guard let tiers = options.programmeTiers else {
                return options.tierMap.isEmpty
                    ? name.lowercased() : unmapped(name, member, migration.membersFile, &problems)
            }
            if let tier = tiers.first(where: {
                $0.id.lowercased() == name.lowercased() || $0.name.lowercased() == name.lowercased()
            }) {
                return tier.id
            }
            return unmapped(name, member, migration.membersFile, &problems)
        }
        guard problems.isEmpty else { throw .rows(problems) }
        return resolved
    }

    private static func unmapped(
        _ name: String, _ member: LoyaltyMember, _ file: String, _ problems: inout [LoyaltyImportProblem]
    ) -> String? {
        problems.append(
            LoyaltyImportProblem(
                file: file, line: member.line, column: "tier",
                reason: "\"\(name)\" is no tier of the programme; map it with --tier-map '\(name)=<tier id>'"))
        return nil
    }
}
