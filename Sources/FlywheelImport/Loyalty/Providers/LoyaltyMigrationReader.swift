public import FlywheelCore
import Foundation

/// Reads another provider's CSV exports (members, optionally history) into a `LoyaltyMigration`, checking
/// every row first: any bad row throws `LoyaltyImportError` listing all of them, so nothing is half-imported.
public enum LoyaltyMigrationReader {
    /// Reads `members` (and `history`) as `provider`'s exports, or detects the provider from the members
    /// file's header when `provider` is `nil`. Dates without a zone are read in `calendar`'s zone.
    public static func read(
        members path: String, history historyPath: String? = nil, provider: LoyaltyProvider? = nil,
        calendar: ShopCalendar
    ) throws(LoyaltyImportError) -> LoyaltyMigration {
        let table = try LoyaltyCSVTable(path: path)
        let detected = LoyaltyProvider.detect(normalisedHeader: Set(table.index.keys))
        guard let provider = provider ?? detected else {
            throw .file(
                path,
                "cannot tell the provider from the header (\(table.headerNames.joined(separator: ", "))); "
                    + "pass --from smile|loyaltylion|yotpo")
        }
        guard provider != .flywheel else { throw .file(path, "is a CSV file; a Flywheel export is JSON Lines") }
        var problems: [LoyaltyImportProblem] = []
        let members = try readMembers(table, provider: provider, calendar: calendar, problems: &problems)
        var migration = LoyaltyMigration(provider: provider, members: members)
        migration.membersFile = path
        if let historyPath {
            let history = try LoyaltyCSVTable(path: historyPath)
            migration.historyFile = historyPath
            readHistory(history, into: &migration, calendar: calendar, problems: &problems)
        }
        guard problems.isEmpty else { throw .rows(problems) }
        return migration
    }

    private static func readMembers(
        _ table: LoyaltyCSVTable, provider: LoyaltyProvider, calendar: ShopCalendar,
        problems: inout [LoyaltyImportProblem]
    ) throws(LoyaltyImportError) -> [LoyaltyMember] {
        let names = LoyaltyColumns.members(provider)
        let customerID = table.column(names.customerID)
        let providerID = table.column(names.providerID)
        let email = table.column(names.email)
        guard customerID != nil || email != nil else { throw table.missing("email (or customer id)") }
        guard let points = table.column(names.points) else { throw table.missing("points balance") }
        let pending = table.column(names.pendingPoints)
        let first = table.column(names.firstName)
        let last = table.column(names.lastName)
        let full = table.column(names.fullName)
        let tier = table.column(names.tier)
        let referral = table.column(names.referral)
        let since = table.column(names.memberSince)
        let birthday = table.column(names.birthday, prefix: true)
        let optedIn = table.column(names.optedIn)

        var members: [LoyaltyMember] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            let row = LoyaltyRow(record: record, file: table.path, calendar: calendar)
            do throws(LoyaltyImportProblem) {
                if let malformation = record.malformation { throw row.problem(nil, malformation) }
                let id = try row.text(customerID)
                let mail = try row.text(email)?.lowercased()
                guard id != nil || mail != nil else {
                    throw row.problem(email ?? customerID, "is empty: a member needs an e-mail or a customer id")
                }
                if let mail, !mail.contains("@") { throw row.problem(email, "is not an e-mail address") }
                let balance = (try row.points(points) ?? 0) + (try row.points(pending) ?? 0)
                guard balance >= 0 else { throw row.problem(points, "must not be negative (\(balance))") }
                var firstName = try row.text(first)
                var lastName = try row.text(last)
                if firstName == nil, lastName == nil, let name = try row.text(full) {
                    let parts = name.split(separator: " ", maxSplits: 1)
                    firstName = parts.first.map(String.init)
                    lastName = parts.count > 1 ? String(parts[1]) : nil
                }
                let link = try row.text(referral)
                let member = LoyaltyMember(
                    line: record.line, providerID: try row.text(providerID), customerID: id, email: mail,
                    firstName: firstName, lastName: lastName,
                    points: balance, tier: try row.text(tier), referralCode: link.map(Self.referralCode(of:)),
                    referralLink: link.flatMap { $0.contains("/") ? $0 : nil }, memberSince: try row.instant(since),
                    birthday: try row.birthday(birthday), optedIn: try row.flag(optedIn))
                for key in [id.map { "id:\($0)" }, mail.map { "email:\($0)" }].compactMap({ $0 }) {
                    if let earlier = seen[key] {
                        throw row.problem(
                            key.hasPrefix("id:") ? customerID : email, "names the same member as line \(earlier)")
                    }
                    seen[key] = record.line
                }
                members.append(member)
            } catch {
                problems.append(error)
            }
        }
        return members
    }

    private static func readHistory(
        _ table: LoyaltyCSVTable, into migration: inout LoyaltyMigration, calendar: ShopCalendar,
        problems: inout [LoyaltyImportProblem]
    ) {
        typealias H = LoyaltyColumns.History
        migration.hasHistory = true
        let customerID = table.column(H.customerID)
        let email = table.column(H.email)
        let at = table.column(H.at)
        let points = table.column(H.points)
        guard customerID != nil || email != nil, at != nil, points != nil else {
            let missing = [
                customerID == nil && email == nil ? "email (or customer id)" : nil, at == nil ? "date" : nil,
                points == nil ? "points" : nil,
            ].compactMap { $0 }
            problems.append(
                LoyaltyImportProblem(
                    file: table.path, line: 1, column: missing.joined(separator: ", "),
                    reason: "missing; the header has: \(table.headerNames.joined(separator: ", "))"))
            return
        }
        let rowID = table.column(H.rowID)
        let reason = table.column(H.reason)
        let type = table.column(H.type)
        let status = table.column(H.status)
        let orderID = table.column(H.orderID)

        var byProviderID: [String: Int] = [:]
        var byID: [String: Int] = [:]
        var byEmail: [String: Int] = [:]
        for (index, member) in migration.members.enumerated() {
            if let id = member.providerID { byProviderID[id] = index }
            if let id = member.customerID { byID[id] = index }
            if let mail = member.email { byEmail[mail] = index }
        }
        var rows: [Int: [LoyaltyHistoryRow]] = [:]
        var rowIDs: [String: Int] = [:]
        for record in table.records {
            let row = LoyaltyRow(record: record, file: table.path, calendar: calendar)
            do throws(LoyaltyImportProblem) {
                if let malformation = record.malformation { throw row.problem(nil, malformation) }
                let id = try row.text(customerID)
                let mail = try row.text(email)?.lowercased()
                guard id != nil || mail != nil else {
                    throw row.problem(customerID ?? email, "is empty: a history row needs a customer id or e-mail")
                }
                guard let time = try row.instant(at) else { throw row.problem(at, "is empty") }
                guard let change = try row.points(points) else { throw row.problem(points, "is empty") }
                let typeText = try row.text(type)
                let words = [try row.text(reason), typeText].compactMap { $0 }
                if let state = try row.text(status)?.lowercased(),
                    ["void", "voided", "cancelled", "canceled", "declined", "rejected", "reversed"].contains(state)
                {
                    migration.skippedHistory.append(row.problem(status, "is \(state): the row moved no points"))
                    continue
                }
                if change == 0 { continue }
                let expired = words.contains { $0.lowercased().contains("expir") }
                let kind: LoyaltyHistoryRow.Kind = change > 0 ? .earned : (expired ? .expired : .spent)
                let provided = try row.text(rowID)
                if let provided {
                    if let earlier = rowIDs[provided] {
                        throw row.problem(rowID, "repeats the id of line \(earlier)")
                    }
                    rowIDs[provided] = record.line
                }
                let history = LoyaltyHistoryRow(
                    line: record.line, customerID: id, email: mail, at: time, points: abs(change), kind: kind,
                    reason: words.first ?? kind.rawValue, orderID: try row.text(orderID), rowID: provided)
                guard let member = id.flatMap({ byProviderID[$0] ?? byID[$0] }) ?? mail.flatMap({ byEmail[$0] }) else {
                    migration.skippedHistory.append(
                        row.problem(customerID ?? email, "names no member of the members file"))
                    continue
                }
                rows[member, default: []].append(history)
            } catch {
                problems.append(error)
            }
        }
        for key in rows.keys { rows[key]?.sort { ($0.at, $0.line) < ($1.at, $1.line) } }
        migration.history = rows
    }

    /// The code in a referral link (its last path segment, without a query), or the text itself.
    static func referralCode(of link: String) -> String {
        guard link.contains("/") else { return link }
        let path = link.split(separator: "?").first.map(String.init) ?? link
        return path.split(separator: "/").last.map(String.init) ?? link
    }
}
