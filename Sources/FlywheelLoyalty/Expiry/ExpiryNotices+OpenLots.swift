public import FlywheelCore
public import Foundation

extension ExpiryNotices {
    /// Notices due at `now` from the store's open lots of the whole shop (`FlywheelStore.openLedgerLots`), as
    /// `due(ledger:…)` gives them from a ledger: points expiring after `now` and at most `days` days later
    /// (default the policy's `notice_days`), one per customer and expiry instant, ordered by expiry then
    /// customer. Lot rules read each lot's expiry; inactivity rules announce the whole spendable balance at
    /// the deadline `lastActivity` gives.
    public static func due(
        openLots: [LedgerOpenLot], policy: ExpiryPolicy, now: Date, calendar: ShopCalendar,
        lastActivity: [String: Date] = [:], switchedOn: Date? = nil, days: Int? = nil
    ) -> [ExpiryNotice] {
        let days = days ?? policy.noticeDays
        guard days > 0 else { return [] }
        let horizon = now.addingTimeInterval(Double(days) * 86_400)
        var sums: [Key: Int64] = [:]
        let spendable = openLots.filter { !$0.isPending && ($0.lot.expiresAt.map { $0 > now } ?? true) }
        switch policy.rule {
        case .never:
            return []
        case .lotAge:
            for open in spendable {
                guard let expiresAt = open.lot.expiresAt, expiresAt <= horizon else { continue }
                sums[Key(customer: open.lot.customer, expiresAt: expiresAt), default: 0] += open.remaining
            }
        case .inactivity:
            var balances: [String: Int64] = [:]
            for open in spendable { balances[open.lot.customer, default: 0] += open.remaining }
            for (customer, points) in balances {
                guard let last = lastActivity[customer],
                    let deadline = policy.inactivityDeadline(lastActivity: last, switchedOn: switchedOn, calendar: calendar),
                    deadline > now, deadline <= horizon
                else { continue }
                sums[Key(customer: customer, expiresAt: deadline)] = points
            }
        }
        return sums.map {
            ExpiryNotice(customer: $0.key.customer, points: $0.value, expiresAt: $0.key.expiresAt, calendar: calendar)
        }
        .sorted { ($0.expiresAt, $0.customer) < ($1.expiresAt, $1.customer) }
    }
}
