import FlywheelCore
import FlywheelLoyalty
public import Foundation

extension LoyaltyService {
    /// The customer's account at `now`: balances and lots from the stored ledger (read inside the customer's
    /// ledger transaction, so consistent), the tier from `tierReplay`, code states from the customer's orders.
    public func account(of customer: String, now: Date) async throws -> LoyaltyAccount {
        let rewards = Dictionary(programme.rewards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let snapshot = try await store.withLedger(customer: customer) { records in
            let ledger = try PointsLedger(restoring: records)
            return Self.snapshot(ledger, customer: customer, now: now, rewards: rewards)
        }
        let orders = try await store.orders(customerExternalID: customer)
        let usedCodes = Set(orders.flatMap { $0.discounts.map(\.code) })
        var codes = snapshot.codes
        for index in codes.indices where codes[index].status == .issued {
            if usedCodes.contains(codes[index].code) {
                codes[index].status = .used
            } else if let end = codes[index].expiresAt, end <= now {
                codes[index].status = .expired
            }
        }
        var tier: Tier?
        var progress: TierProgress?
        if let settings = programme.tiers {
            let replay = try await tierReplay(of: customer, before: now)
            tier = replay.tier(of: customer)
            progress =
                replay.tierProgress(of: customer, at: now)
                ?? TierRules(settings: settings, calendar: calendar).progress(of: TierState(), at: now)
        }
        return LoyaltyAccount(
            customer: customer, available: snapshot.available, pending: snapshot.pending,
            spendable: snapshot.spendable, tier: tier, progress: progress, expiringNext: snapshot.expiring,
            codes: codes)
    }

    struct LedgerSnapshot: Sendable {
        var available: Int64
        var pending: Int64
        var spendable: Int64
        var expiring: (points: Int64, at: Date)?
        var codes: [LoyaltyAccount.IssuedCode]
    }

    static func snapshot(_ ledger: PointsLedger, customer: String, now: Date, rewards: [String: Reward])
        -> LedgerSnapshot
    {
        let open = ledger.lots.filter { $0.remaining > 0 && !$0.isPending && ($0.expiresAt.map { $0 > now } ?? true) }
        let next = open.compactMap(\.expiresAt).min()
        let expiring = next.map { date in
            (open.filter { $0.expiresAt == date }.reduce(Int64(0)) { $0 + $1.remaining }, date)
        }
        return LedgerSnapshot(
            available: ledger.balance(of: .available(customer: customer)),
            pending: ledger.balance(of: .pending(customer: customer)),
            spendable: ledger.spendablePoints(of: customer, at: now), expiring: expiring,
            codes: issuedCodes(in: ledger, rewards: rewards))
    }

    /// The codes of the ledger's redemptions (the redemption key is the code; the reason `reward:ID`), newest
    /// first; `handed_back` when a hand-back names it.
    static func issuedCodes(in ledger: PointsLedger, rewards: [String: Reward]) -> [LoyaltyAccount.IssuedCode] {
        var order: [String] = []
        var codes: [String: LoyaltyAccount.IssuedCode] = [:]
        var handedBack: Set<String> = []
        for entry in ledger.entries {
            switch entry.source.kind {
            case .redemption:
                let key = entry.source.key
                if var code = codes[key] {
                    code.points += entry.points
                    codes[key] = code
                } else {
                    let rewardID = entry.reason.hasPrefix("reward:") ? String(entry.reason.dropFirst(7)) : entry.reason
                    let reward = rewards[rewardID]
                    codes[key] = LoyaltyAccount.IssuedCode(
                        code: key, rewardID: rewardID, points: entry.points, issuedAt: entry.at,
                        expiresAt: reward?.validDays.map { entry.at.addingTimeInterval(Double($0) * 86_400) },
                        minimumOrderMinor: reward?.minimumOrderMinor, status: .issued)
                    order.append(key)
                }
            case .handBack: handedBack.insert(entry.source.key)
            default: break
            }
        }
        return order.reversed().compactMap { key in
            guard var code = codes[key] else { return nil }
            if handedBack.contains(key) { code.status = .handedBack }
            return code
        }
    }
}
