import FlywheelCore
import FlywheelLoyalty
import Foundation

extension Reward {
    var api: Components.Schemas.LoyaltyReward {
        .init(
            id: id, name: name, kind: kind.typeName, costPoints: costPoints, minimumOrderMinor: minimumOrderMinor,
            validDays: validDays)
    }
}

extension RewardKind {
    /// The `type` the programme file names this kind by.
    var typeName: String {
        switch self {
        case .amountOff: "amount_off"
        case .percentOff: "percent_off"
        case .freeShipping: "free_shipping"
        case .freeProduct: "free_product"
        case .storeCredit: "store_credit"
        case .experience: "experience"
        }
    }
}

extension LoyaltyAccount {
    func api(currency: CurrencyCode?) -> Components.Schemas.LoyaltyAccount {
        .init(
            customerId: customer, available: available, pending: pending, spendable: spendable,
            tier: tier.map { .init(id: $0.id, name: $0.name) },
            progress: progress.map { progress in
                .init(
                    basis: .init(rawValue: progress.basis.rawValue) ?? .spend, qualifying: progress.qualifying,
                    nextTier: progress.nextTierID.map { .init(id: $0, name: progress.nextTierName ?? $0) },
                    needed: progress.needed,
                    summary: currency.flatMap { progress.summary(currency: $0, locale: .en) })
            },
            expiringNext: expiringNext.map { .init(points: $0.points, at: $0.at) })
    }
}

extension LoyaltyAccount.IssuedCode {
    func api(available: Int64) -> Components.Schemas.Redemption {
        .init(
            code: code, rewardId: rewardID, points: points, issuedAt: issuedAt, expiresAt: expiresAt,
            minimumOrderMinor: minimumOrderMinor, available: available)
    }
}

extension LedgerEntryRecord {
    var api: Components.Schemas.LoyaltyEntry {
        .init(
            sequence: sequence, at: at, points: customerChange, debit: debit.rawValue, credit: credit.rawValue,
            sourceKind: sourceKind, sourceKey: sourceKey, reason: reason, admin: admin)
    }

    /// What the entry did to the customer's points: positive into their accounts, negative out of them, zero
    /// for a move between them (pending → available).
    var customerChange: Int64 {
        switch (debit.isCustomers, credit.isCustomers) {
        case (false, true): points
        case (true, false): -points
        default: 0
        }
    }
}
