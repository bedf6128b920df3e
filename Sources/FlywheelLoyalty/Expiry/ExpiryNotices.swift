public import FlywheelCore
public import Foundation

/// Finds the points that expire within a policy's notice window, for advance-notice events.
public enum ExpiryNotices {
    /// Notices due at `now`: points expiring after `now` and at most `policy.noticeDays` days later, one per
    /// customer and expiry instant, ordered by expiry then customer.
    ///
    /// Lot rules look at every lot's own expiry. Inactivity rules use `lastActivity` (the last earn or
    /// redemption per customer) and `switchedOn`, and announce the customer's whole spendable balance.
    public static func due(
        ledger: PointsLedger, policy: ExpiryPolicy, now: Date, calendar: ShopCalendar,
        lastActivity: [String: Date] = [:], switchedOn: Date? = nil
    ) -> [ExpiryNotice] {
        guard policy.noticeDays > 0 else { return [] }
        let horizon = now.addingTimeInterval(Double(policy.noticeDays) * 86_400)
        var sums: [Key: Int64] = [:]
        switch policy.rule {
        case .never:
            return []
        case .lotAge:
            for lot in ledger.lots where lot.remaining > 0 && !lot.isPending {
                guard let expiresAt = lot.expiresAt, expiresAt > now, expiresAt <= horizon else { continue }
                sums[Key(customer: lot.customer, expiresAt: expiresAt), default: 0] += lot.remaining
            }
        case .inactivity:
            for (customer, last) in lastActivity {
                guard
                    let deadline = policy.inactivityDeadline(
                        lastActivity: last, switchedOn: switchedOn, calendar: calendar),
                    deadline > now, deadline <= horizon
                else { continue }
                let points = ledger.spendablePoints(of: customer, at: now)
                if points > 0 { sums[Key(customer: customer, expiresAt: deadline)] = points }
            }
        }
        return sums.map {
            ExpiryNotice(customer: $0.key.customer, points: $0.value, expiresAt: $0.key.expiresAt, calendar: calendar)
        }
        .sorted { ($0.expiresAt, $0.customer) < ($1.expiresAt, $1.customer) }
    }

    struct Key: Hashable {
        var customer: String
        var expiresAt: Date
    }
}
