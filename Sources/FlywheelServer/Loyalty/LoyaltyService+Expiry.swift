import FlywheelCore
public import FlywheelFlows
public import FlywheelLoyalty
public import Foundation

extension LoyaltyService {
    /// The ledger sources that count as a customer's activity for the inactivity rule: earning (orders,
    /// bonuses, referrals, manual adjustments, imported history) and redeeming — as `ProgrammeReplay` counts it.
    static let activityKinds: [SourceEvent.Kind] = [.order, .bonus, .referral, .manual, .imported, .redemption]

    /// Under the `inactivity` expiry rule: expires the whole available balance of each customer in `holding`
    /// (customers with available points) whose deadline — N months after the last activity, never before N
    /// months after `effective_from` — has passed by `now`. One shop-wide read finds the candidates
    /// (`ledgerLastActivity`); each is decided again inside the customer's ledger transaction from the ledger
    /// itself, so an order that arrived meanwhile moves the deadline. The `expiry` source is keyed by the
    /// deadline's local date (`inactive:2027-05-01`) and its entries are dated at the deadline: runs are
    /// idempotent. Returns how many customers lost points.
    func expireInactive(holding: Set<String>, now: Date) async throws -> Int {
        guard case .inactivity = programme.expiry.rule, !holding.isEmpty else { return 0 }
        let last = try await store.ledgerLastActivity(kinds: Self.activityKinds.map(\.rawValue))
        var count = 0
        for customer in holding.sorted() {
            guard let at = last[customer], let deadline = inactivityDeadline(lastActivity: at), deadline <= now else {
                continue
            }
            let moved = try await store.withPointsLedger(customer: customer) { ledger in
                let kinds = Set(Self.activityKinds)
                guard let last = ledger.entries.filter({ kinds.contains($0.source.kind) }).map(\.at).max(),
                    let deadline = inactivityDeadline(lastActivity: last), deadline <= now
                else { return 0 }
                return ledger.expireBalance(
                    customer: customer, source: SourceEvent(.expiry, key: "inactive:\(calendar.localDate(of: deadline))"),
                    reason: "inactive", at: deadline
                ).entries.count
            }
            if moved > 0 { count += 1 }
        }
        return count
    }

    /// When a customer last active at `lastActivity` loses the whole balance (nil unless the rule is
    /// `inactivity`); expiry counts from the programme's `effective_from` (the switch-on rule).
    func inactivityDeadline(lastActivity: Date) -> Date? {
        programme.expiry.inactivityDeadline(lastActivity: lastActivity, switchedOn: programme.effectiveFrom, calendar: calendar)
    }

    /// Advance notices at `now` for the whole shop: points that expire after `now` and at most `days` days later
    /// (default the programme's `notice_days`), one per customer and expiry date ("120 points expire on
    /// 2027-03-01") — each lot's expiry under `lot_age`, the whole spendable balance at the deadline under
    /// `inactivity`. Two shop-wide reads (open lots, last activity), no query per customer.
    public func expiryNotices(now: Date, withinDays days: Int? = nil) async throws -> [ExpiryNotice] {
        let lastActivity: [String: Date]
        if case .inactivity = programme.expiry.rule {
            lastActivity = try await store.ledgerLastActivity(kinds: Self.activityKinds.map(\.rawValue))
        } else {
            lastActivity = [:]
        }
        return ExpiryNotices.due(
            openLots: try await store.openLedgerLots(), policy: programme.expiry, now: now, calendar: calendar,
            lastActivity: lastActivity, switchedOn: programme.effectiveFrom, days: days)
    }

    /// The notices as the flow sweep's input (`SweepInputs.expiringPoints`, the `points_expiring` trigger):
    /// pass the sweep's `expiryNoticeDays` as `days` so every notice whose day has come is there.
    public func expiringPoints(now: Date, withinDays days: Int) async throws -> [SweepInputs.ExpiringPoints] {
        try await expiryNotices(now: now, withinDays: days).map {
            SweepInputs.ExpiringPoints(
                customerID: $0.customer, points: Int(clamping: $0.points), on: calendar.localDate(of: $0.expiresAt))
        }
    }
}
