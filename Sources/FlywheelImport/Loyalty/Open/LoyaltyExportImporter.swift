public import FlywheelCore
import Foundation

/// Reads Flywheel's open export back (`flywheel loyalty import --from flywheel FILE`): every line is checked
/// first (decodes, header first and of a known version, each customer's records in order), then each
/// member's customer record is merged in, their ledger records are stored as they are (only into a customer
/// without a ledger; the same ledger again is unchanged; another ledger is skipped with the reason) and
/// their imported member record is kept. Importing into an empty store and exporting again gives the same
/// file (but for the header's time).
public enum LoyaltyExportImporter {
    private struct MemberRecords {
        var member: LoyaltyExportLine.Member
        var line: Int
        var ledger: CustomerLedgerRecords
        var imported: ImportedLoyaltyMember?
    }

    /// Imports the export at `path`; throws `LoyaltyImportError` (naming line, key and reason of every bad
    /// line) before storing anything.
    public static func apply(path: String, to store: any FlywheelStore, dryRun: Bool = false) async throws
        -> LoyaltyImportSummary
    {
        let members = try read(path: path)
        var summary = LoyaltyImportSummary(provider: .flywheel)
        summary.dryRun = dryRun
        summary.members = members.count
        var batch = IngestBatch()
        for member in members {
            if try await store.customer(externalID: member.member.customer) != nil {
                summary.matchedByID += 1
            } else {
                summary.created += 1
            }
            batch.customers.append(
                Customer(
                    externalID: member.member.customer, email: member.member.email,
                    firstName: member.member.firstName, lastName: member.member.lastName,
                    birthday: member.member.birthday.flatMap(LoyaltyExportTime.birthday),
                    createdAt: member.member.createdAt.flatMap(LoyaltyExportTime.date)))
        }
        if !dryRun, !batch.customers.isEmpty { _ = try await store.ingest(batch) }
        for member in members {
            let file = member.ledger
            if !file.sources.isEmpty || !file.lots.isEmpty || !file.entries.isEmpty {
                let written: Bool? = try await store.withLedger(customer: file.customer) { records in
                    if records.sources == file.sources, records.lots == file.lots, records.entries == file.entries {
                        return false
                    }
                    guard records.sources.isEmpty, records.lots.isEmpty, records.entries.isEmpty else { return nil }
                    guard !dryRun else { return true }
                    for source in file.sources { try records.append(source) }
                    for lot in file.lots { try records.append(lot) }
                    for entry in file.entries { try records.append(entry) }
                    return true
                }
                switch written {
                case true?:
                    summary.ledgersChanged += 1
                    summary.pointsImported += file.balance.available
                case false?: break
                case nil:
                    summary.skipped.append(
                        LoyaltyImportProblem(
                            file: path, line: member.line, column: "customer",
                            reason: "the customer already has another points ledger; its records were not imported"))
                }
            }
            if let imported = member.imported, try await store.importedMember(customer: imported.customer) == nil {
                let saved = dryRun ? true : try await store.saveImportedMember(imported)
                if saved {
                    if imported.tier != nil { summary.tiersGranted += 1 }
                    if imported.referralCode != nil { summary.referralCodes += 1 }
                }
            }
        }
        return summary
    }

    private static func read(path: String) throws(LoyaltyImportError) -> [MemberRecords] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .file(path, "cannot be read as UTF-8 text: no such file, no permission, or not UTF-8")
        }
        var problems: [LoyaltyImportProblem] = []
        var members: [MemberRecords] = []
        var index: [String: Int] = [:]
        var sawHeader = false
        // After a customer's first bad record the rest of theirs would only repeat it (out of sequence).
        var broken: Set<String> = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            guard !raw.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            func problem(_ key: String, _ reason: String) {
                problems.append(LoyaltyImportProblem(file: path, line: line, column: key, reason: reason))
            }
            do throws(LoyaltyExportDecodingError) {
                let record = try LoyaltyExportLine.decode(String(raw))
                if case .header(let header) = record {
                    guard !sawHeader, members.isEmpty else { throw .init(key: "type", reason: "a second header") }
                    guard header.format == LoyaltyExportLine.format else {
                        throw .init(key: "format", reason: "is \"\(header.format)\", not \(LoyaltyExportLine.format)")
                    }
                    guard header.version == LoyaltyExportLine.version else {
                        throw .init(
                            key: "version",
                            reason: "is \(header.version); this Flywheel reads version \(LoyaltyExportLine.version)")
                    }
                    sawHeader = true
                    continue
                }
                guard sawHeader else { throw .init(key: "type", reason: "the first line must be the header") }
                guard let customer = record.customer, !broken.contains(customer) else { continue }
                do throws(LoyaltyExportDecodingError) {
                    try add(record, line: line, members: &members, index: &index)
                } catch {
                    broken.insert(customer)
                    throw error
                }
            } catch {
                problem(error.key, error.reason)
            }
        }
        if !sawHeader && problems.isEmpty { throw .file(path, "has no header line; is it a Flywheel loyalty export?") }
        guard problems.isEmpty else { throw .rows(problems) }
        return members
    }

    private static func add(
        _ record: LoyaltyExportLine, line: Int, members: inout [MemberRecords], index: inout [String: Int]
    ) throws(LoyaltyExportDecodingError) {
        func owner(_ customer: String) throws(LoyaltyExportDecodingError) -> Int {
            guard let position = index[customer] else {
                throw .init(key: "customer", reason: "comes before the customer's member line")
            }
            return position
        }
        func date(_ text: String, _ key: String) throws(LoyaltyExportDecodingError) -> Date {
            guard let date = LoyaltyExportTime.date(text) else {
                throw .init(key: key, reason: "is not a UTC time like 2026-11-24T04:00:00.000Z")
            }
            return date
        }
        func account(_ text: String, _ key: String) throws(LoyaltyExportDecodingError) -> LedgerAccountKind {
            guard let kind = LedgerAccountKind(rawValue: text) else {
                throw .init(key: key, reason: "is not an account (\(LedgerAccountKind.allCases.map(\.rawValue)))")
            }
            return kind
        }
        do {
            switch record {
            case .header: break
            case .member(let member):
                guard index[member.customer] == nil else { throw LoyaltyExportDecodingError(key: "customer", reason: "appears twice") }
                if let birthday = member.birthday, LoyaltyExportTime.birthday(birthday) == nil {
                    throw LoyaltyExportDecodingError(key: "birthday", reason: "is not a date YYYY-MM-DD")
                }
                if let created = member.createdAt { _ = try date(created, "created_at") }
                index[member.customer] = members.count
                members.append(
                    MemberRecords(member: member, line: line, ledger: CustomerLedgerRecords(customer: member.customer)))
            case .source(let s):
                let position = try owner(s.customer)
                try members[position].ledger.append(
                    LedgerSourceRecord(
                        customer: s.customer, sequence: s.sequence, kind: s.kind, key: s.key, at: try date(s.at, "at"),
                        reference: s.reference, releasesLot: s.releasesLot, refundedMinor: s.refundedMinor,
                        accountedPoints: s.accountedPoints, shortfallPoints: s.shortfallPoints))
            case .lot(let l):
                let position = try owner(l.customer)
                var amount: Money?
                if let minor = l.orderAmountMinor {
                    guard let currency = l.orderCurrency.flatMap(CurrencyCode.init) else {
                        throw LoyaltyExportDecodingError(key: "order_currency", reason: "is missing or not an ISO 4217 code")
                    }
                    amount = Money(minorUnits: minor, currency: currency)
                }
                try members[position].ledger.append(
                    LedgerLotRecord(
                        customer: l.customer, number: l.number, sourceKind: l.sourceKind, sourceKey: l.sourceKey,
                        earnedAt: try date(l.earnedAt, "earned_at"),
                        expiresAt: try l.expiresAt.map { (text) throws(LoyaltyExportDecodingError) in
                            try date(text, "expires_at")
                        }, earned: l.earned, pending: l.pending, orderAmount: amount))
            case .entry(let e):
                let position = try owner(e.customer)
                try members[position].ledger.append(
                    LedgerEntryRecord(
                        customer: e.customer, sequence: e.sequence, debit: try account(e.debit, "debit"),
                        credit: try account(e.credit, "credit"), points: e.points, sourceKind: e.sourceKind,
                        sourceKey: e.sourceKey, reason: e.reason, at: try date(e.at, "at"), lot: e.lot, admin: e.admin))
            case .importedMember(let m):
                let position = try owner(m.customer)
                members[position].imported = ImportedLoyaltyMember(
                    customer: m.customer, source: m.source, sourceTier: m.sourceTier, tier: m.tier,
                    tierUntil: try m.tierUntil.map { (text) throws(LoyaltyExportDecodingError) in
                        try date(text, "tier_until")
                    }, referralCode: m.referralCode, referralLink: m.referralLink, optedIn: m.optedIn,
                    importedAt: try date(m.importedAt, "imported_at"))
            }
        } catch let error as LoyaltyExportDecodingError {
            throw error
        } catch {
            throw LoyaltyExportDecodingError(key: "sequence", reason: "\(error)")
        }
    }
}
