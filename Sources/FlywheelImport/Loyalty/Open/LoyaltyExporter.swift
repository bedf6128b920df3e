public import FlywheelCore
public import Foundation

/// Writes everything the loyalty programme keeps as Flywheel's open export (JSON Lines,
/// docs/loyalty-export.md): a header, then per member (customers with a ledger or an imported member
/// record, in byte order of their id) the member line, the ledger's sources, lots and entries in order,
/// and the imported member record (tier grant, referral code).
public enum LoyaltyExporter {
    /// Calls `write` with each line (without its newline); returns the number of members written.
    @discardableResult
    public static func export(
        from store: any FlywheelStore, exportedAt: Date, write: (String) throws -> Void
    ) async throws -> Int {
        try write(
            LoyaltyExportLine.header(
                .init(
                    format: LoyaltyExportLine.format, version: LoyaltyExportLine.version,
                    exportedAt: LoyaltyExportTime.text(exportedAt))
            ).encoded())
        var imported: [String: ImportedLoyaltyMember] = [:]
        for member in try await store.importedMembers() { imported[member.customer] = member }
        let customers = Set(try await store.ledgerCustomers()).union(imported.keys).sorted(by: KeyOrder.precedes)
        for id in customers {
            for line in try await lines(of: id, imported: imported[id], store: store) { try write(line.encoded()) }
        }
        return customers.count
    }

    private static func lines(of id: String, imported: ImportedLoyaltyMember?, store: any FlywheelStore)
        async throws -> [LoyaltyExportLine]
    {
        let customer = try await store.customer(externalID: id)
        let records = try await store.withLedger(customer: id) { records in records }
        let balance = records.balance
        var lines: [LoyaltyExportLine] = [
            .member(
                .init(
                    customer: id, email: customer?.email, firstName: customer?.firstName,
                    lastName: customer?.lastName, birthday: customer?.birthday?.description,
                    createdAt: customer?.createdAt.map(LoyaltyExportTime.text), available: balance.available,
                    pending: balance.pending))
        ]
        for source in records.sources {
            lines.append(
                .source(
                    .init(
                        customer: id, sequence: source.sequence, kind: source.kind, key: source.key,
                        at: LoyaltyExportTime.text(source.at), reference: source.reference,
                        releasesLot: source.releasesLot, refundedMinor: source.refundedMinor,
                        accountedPoints: source.accountedPoints, shortfallPoints: source.shortfallPoints)))
        }
        for lot in records.lots {
            lines.append(
                .lot(
                    .init(
                        customer: id, number: lot.number, sourceKind: lot.sourceKind, sourceKey: lot.sourceKey,
                        earnedAt: LoyaltyExportTime.text(lot.earnedAt), expiresAt: lot.expiresAt.map(LoyaltyExportTime.text),
                        earned: lot.earned, pending: lot.pending, orderAmountMinor: lot.orderAmount?.minorUnits,
                        orderCurrency: lot.orderAmount?.currency.code)))
        }
        for entry in records.entries {
            lines.append(
                .entry(
                    .init(
                        customer: id, sequence: entry.sequence, debit: entry.debit.rawValue,
                        credit: entry.credit.rawValue, points: entry.points, sourceKind: entry.sourceKind,
                        sourceKey: entry.sourceKey, reason: entry.reason, at: LoyaltyExportTime.text(entry.at),
                        lot: entry.lot, admin: entry.admin)))
        }
        if let imported {
            lines.append(
                .importedMember(
                    .init(
                        customer: id, source: imported.source, sourceTier: imported.sourceTier, tier: imported.tier,
                        tierUntil: imported.tierUntil.map(LoyaltyExportTime.text), referralCode: imported.referralCode,
                        referralLink: imported.referralLink, optedIn: imported.optedIn,
                        importedAt: LoyaltyExportTime.text(imported.importedAt))))
        }
        return lines
    }
}
