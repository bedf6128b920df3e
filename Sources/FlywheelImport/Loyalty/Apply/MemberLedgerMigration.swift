import FlywheelCore
import FlywheelLoyalty
import Foundation

/// Brings one member's points into their `PointsLedger` (pure; run inside `withPointsLedger`): the history
/// rows in time order (earned as lots, spent, expired), then one entry that makes the points imported from
/// the provider equal the provider's balance — the opening lot when there is no history.
///
/// Exactly once: each row's source key comes from the provider and the row (its id, else the member, time,
/// kind, points and a number for identical rows); the balancing entry is computed from what the ledger
/// already holds from this provider, so a re-import finds nothing to do.
struct MemberLedgerMigration {
    let provider: LoyaltyProvider
    let member: LoyaltyMember
    let rows: [LoyaltyHistoryRow]
    let customer: String
    let now: Date
    /// The import's local date, for reasons (`2026-11-24`).
    let day: String

    struct Outcome: Sendable {
        var changed = false
        var netPoints: Int64 = 0
        var historyRows = 0
        var shortfalls: [(line: Int, points: Int64, inHistory: Bool)] = []
    }

    func apply(to ledger: inout PointsLedger) -> Outcome {
        var outcome = Outcome()
        let before = importedBalance(ledger)
        var repeats: [String: Int] = [:]
        for row in rows {
            let key = sourceKey(row, repeats: &repeats)
            let reason = "\(provider.displayName): \(row.reason)" + (row.orderID.map { " (order \($0))" } ?? "")
            let result: LedgerOutcome
            switch row.kind {
            case .earned:
                result = ledger.earn(
                    customer: customer, points: row.points, source: SourceEvent(.imported, key: key), reason: reason,
                    at: row.at)
            case .spent, .expired:
                result = ledger.takeImported(
                    customer: customer, points: row.points, as: row.kind == .spent ? .spent : .expired,
                    source: SourceEvent(.imported, key: key), reason: reason, at: row.at)
            }
            if case .applied(_, let shortfall) = result {
                outcome.changed = true
                outcome.historyRows += 1
                if shortfall > 0 { outcome.shortfalls.append((row.line, shortfall, true)) }
            }
        }
        let held = importedBalance(ledger)
        let delta = member.points - held
        if delta != 0 {
            let source = SourceEvent(.imported, key: "\(provider.rawValue):balance@\(ledger.entryCount)")
            let reason =
                rows.isEmpty && held == 0
                ? "balance imported from \(provider.displayName) on \(day)"
                : "reconciled with the \(provider.displayName) balance of \(member.points) on \(day)"
            if delta > 0 {
                _ = ledger.earn(customer: customer, points: delta, source: source, reason: reason, at: now)
            } else if case .applied(_, let shortfall) = ledger.takeImported(
                customer: customer, points: -delta, as: .deducted, source: source, reason: reason, at: now),
                shortfall > 0
            {
                outcome.shortfalls.append((member.line, shortfall, false))
            }
            outcome.changed = true
        }
        outcome.netPoints = importedBalance(ledger) - before
        return outcome
    }

    /// What the ledger holds from this provider's imports: what they credited minus what they took.
    func importedBalance(_ ledger: PointsLedger) -> Int64 {
        let prefix = "\(provider.rawValue):"
        let account = LedgerAccount.available(customer: customer)
        var sum: Int64 = 0
        for entry in ledger.entries where entry.source.kind == .imported && entry.source.key.hasPrefix(prefix) {
            if entry.credit == account { sum += entry.points }
            if entry.debit == account { sum -= entry.points }
        }
        return sum
    }

    private func sourceKey(_ row: LoyaltyHistoryRow, repeats: inout [String: Int]) -> String {
        if let id = row.rowID { return "\(provider.rawValue):\(id)" }
        let millis = Int64((row.at.timeIntervalSince1970 * 1000).rounded())
        let base = "\(provider.rawValue):\(member.identity):\(millis):\(row.kind.rawValue):\(row.points)"
        let n = repeats[base, default: 0]
        repeats[base] = n + 1
        return "\(base):\(n)"
    }
}
