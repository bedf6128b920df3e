import FlywheelCore
import FlywheelLoyalty
public import Foundation

extension LoyaltyService {
    /// What a catch-up or a due run did.
    public struct RunReport: Sendable, Equatable {
        /// Orders newly awarded, refunds newly reversed.
        public var awarded = 0
        public var reversed = 0
        /// Orders whose pending points became available; customers whose expired lots were moved.
        public var released = 0
        public var expiredCustomers = 0
        /// Customers whose whole balance expired under the inactivity rule.
        public var inactiveCustomers = 0
        /// Referrals settled (rewarded or rejected) because the friend's first order passed its return window.
        public var referralsSettled = 0
    }

    /// Awards every stored order placed since the programme's `effective_from` that has not been awarded,
    /// and reverses their refunds: what a crash between storing a batch and awarding it left behind. Run at
    /// start-up; exactly once per source key makes it safe to go over orders already awarded (they answer
    /// `.alreadyApplied`). Pages through the store's order listing.
    public func catchUp(pageSize: Int = 500) async throws -> RunReport {
        var report = RunReport()
        var after: String?
        repeat {
            let page = try await store.orders(
                OrderQuery(after: after, limit: pageSize, placedFrom: programme.effectiveFrom))
            for order in page.items {
                if case .applied = try await award(order) { report.awarded += 1 }
                for refund in try await store.refunds(orderExternalID: order.externalID) {
                    if case .applied = try await reverse(refund) { report.reversed += 1 }
                }
            }
            after = page.nextAfter
        } while after != nil
        return report
    }

    /// The periodic work at `now` (a deterministic function of `now` and the stored ledger): retries batches
    /// whose loyalty part failed, releases pending points whose return window has closed (at the window's
    /// end) and moves expired lots (one `expiry` source per customer and local day); under the inactivity rule,
    /// expires the whole balance of customers inactive past the deadline (`expireInactive`); settles referrals
    /// whose friend's first order is past its return window (`settleReferrals`).
    public func runDue(now: Date) async throws -> RunReport {
        var report = RunReport()
        // A batch that fails again waits for the next run; the others are still tried.
        for batch in retries.takeAll() {
            do { try await apply(batch) } catch { retries.add(batch) }
        }
        let window = Double(programme.returnWindowDays ?? 0) * 86_400
        var releases: [String: [(order: String, at: Date)]] = [:]
        var expiring: Set<String> = []
        var holding: Set<String> = []
        for open in try await store.openLedgerLots() {
            if !open.isPending { holding.insert(open.lot.customer) }
            let lot = open.lot
            if open.isPending, lot.sourceKind == SourceEvent.Kind.order.rawValue {
                let end = lot.earnedAt.addingTimeInterval(window)
                if end <= now { releases[lot.customer, default: []].append((lot.sourceKey, end)) }
            } else if !open.isPending, let expiresAt = lot.expiresAt, expiresAt <= now {
                expiring.insert(lot.customer)
            }
        }
        for (customer, orders) in releases.sorted(by: { $0.key < $1.key }) {
            report.released += try await store.withPointsLedger(customer: customer) { ledger in
                orders.reduce(0) { count, item in
                    let outcome = ledger.release(
                        order: item.order, source: SourceEvent(.release, key: item.order),
                        reason: "return window closed", at: item.at)
                    if case .applied = outcome { return count + 1 }
                    return count
                }
            }
        }
        let day = calendar.localDate(of: now)
        for customer in expiring.sorted() {
            let moved = try await store.withPointsLedger(customer: customer) { ledger in
                ledger.expire(source: SourceEvent(.expiry, key: "\(day)"), reason: "expired", at: now).entries.count
            }
            if moved > 0 { report.expiredCustomers += 1 }
        }
        report.inactiveCustomers = try await expireInactive(holding: holding, now: now)
        report.referralsSettled = try await settleReferrals(now: now)
        return report
    }
}
