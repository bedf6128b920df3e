import FlywheelCore
public import FlywheelLoyalty
public import Foundation

extension LoyaltyService {
    /// How a redemption went.
    public enum RedemptionOutcome: Sendable {
        /// Points taken, the code issued; `available` afterwards.
        case redeemed(LoyaltyAccount.IssuedCode, available: Int64)
        /// Not enough spendable points: `shortfall` more are needed.
        case unaffordable(cost: Int64, spendable: Int64)
        /// The reward's limit per customer is reached.
        case limitReached(RewardLimit)
        /// No such reward in the catalogue.
        case unknownReward
        /// The code pattern found no unused code in 64 draws.
        case codesExhausted
    }

    /// Redeems `rewardID` for `customer` at `now`: checks the reward's limits, draws a code from its pattern
    /// that this customer's ledger has not seen, and spends the reward's points first-expiring-first (a
    /// `redemption` source keyed by the code, reason `reward:ID`). Runs in the customer's ledger transaction,
    /// so concurrent redemptions are judged one after another against the committed balance and never drive
    /// it below zero. Codes are unique across the shop (the store's index, `v8 loyalty codes`): a code another
    /// customer holds refuses the transaction, and the redemption is tried again with a new code (at most
    /// `codeAttempts` times, then `codesExhausted`).
    public func redeem(customer: String, rewardID: String, now: Date) async throws -> RedemptionOutcome {
        guard let reward = programme.reward(rewardID) else { return .unknownReward }
        for _ in 0..<Self.codeAttempts {
            do {
                return try await redeemOnce(customer: customer, reward: reward, now: now)
            } catch let error as LedgerStoreError where error.takenCode != nil {
                logger.notice("loyalty: a drawn code was another customer's; drawing again")
            }
        }
        return .codesExhausted
    }

    /// How often a redemption is tried when its code is another customer's (each try draws up to 64 codes).
    static let codeAttempts = 8

    private func redeemOnce(customer: String, reward: Reward, now: Date) async throws -> RedemptionOutcome {
        let rewards = [reward.id: reward]
        let draws = codes
        let calendar = calendar
        return try await store.withPointsLedger(customer: customer) { ledger in
            let issued = Self.issuedCodes(in: ledger, rewards: rewards).filter { $0.rewardID == reward.id }
            for limit in reward.limits {
                let interval = limit.period.interval(containing: now, in: calendar)
                let used = issued.count { interval?.contains($0.issuedAt) ?? true }
                if used >= limit.count { return .limitReached(limit) }
            }
            let pattern = CodePattern(reward.codePattern)
            var code: String?
            for _ in 0..<64 {
                let candidate = draws.draw(pattern)
                if !ledger.hasApplied(SourceEvent(.redemption, key: candidate)) {
                    code = candidate
                    break
                }
            }
            guard let code else { return .codesExhausted }
            let outcome = ledger.redeem(
                customer: customer, points: reward.costPoints, source: SourceEvent(.redemption, key: code),
                reason: "reward:\(reward.id)", at: now)
            if let error = outcome.error {
                return .unaffordable(
                    cost: reward.costPoints, spendable: reward.costPoints - (error.shortfall ?? reward.costPoints))
            }
            let issuedCode = LoyaltyAccount.IssuedCode(
                code: code, rewardID: reward.id, points: reward.costPoints, issuedAt: now,
                expiresAt: reward.validDays.map { now.addingTimeInterval(Double($0) * 86_400) },
                minimumOrderMinor: reward.minimumOrderMinor, status: .issued)
            return .redeemed(issuedCode, available: ledger.balance(of: .available(customer: customer)))
        }
    }

    /// How a manual adjustment went.
    public enum AdjustmentOutcome: Sendable, Equatable {
        /// Applied now (`true`) or before under the same key (`false`); `available` afterwards.
        case applied(Bool, available: Int64)
        /// A deduction larger than the spendable points.
        case insufficient(requested: Int64, spendable: Int64)
    }

    /// Adds (positive) or takes (negative) points by hand, once per customer and `key`, recording `admin`.
    public func adjust(customer: String, points: Int64, reason: String, key: String, admin: String, now: Date)
        async throws -> AdjustmentOutcome
    {
        let expiresAt = points > 0 ? lotExpiry(earnedAt: now) : nil
        return try await store.withPointsLedger(customer: customer) { ledger in
            let outcome = ledger.adjust(
                customer: customer, points: points, admin: admin, source: SourceEvent(.manual, key: key),
                reason: reason, at: now, expiresAt: expiresAt)
            let available = ledger.balance(of: .available(customer: customer))
            switch outcome {
            case .applied: return .applied(true, available: available)
            case .alreadyApplied: return .applied(false, available: available)
            case .rejected:
                return .insufficient(requested: -points, spendable: ledger.spendablePoints(of: customer, at: now))
            }
        }
    }
}
