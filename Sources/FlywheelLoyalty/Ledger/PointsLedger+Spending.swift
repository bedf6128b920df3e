public import Foundation

extension PointsLedger {
    /// Spends `points` of `customer`'s on a reward, first-expiring-first; refuses (naming the shortfall)
    /// rather than drive the balance below zero. `source` must be a `redemption` event.
    public mutating func redeem(
        customer: String, points: Int64, source: SourceEvent, reason: String, at: Date
    ) -> LedgerOutcome {
        if hasApplied(source) { return .alreadyApplied }
        guard source.kind == .redemption else {
            return .rejected(.wrongSourceKind(expected: [.redemption], got: source.kind))
        }
        return spend(customer: customer, points: points, to: .redeemed, source: source, reason: reason, at: at)
    }

    /// Corrects a balance by hand: positive `points` add a lot (expiring at `expiresAt`), negative ones take
    /// points back to the programme first-expiring-first. `source` must be a `manual` event.
    public mutating func adjust(
        customer: String, points: Int64, admin: String, source: SourceEvent, reason: String, at: Date,
        expiresAt: Date? = nil
    ) -> LedgerOutcome {
        if hasApplied(source) { return .alreadyApplied }
        guard source.kind == .manual else {
            return .rejected(.wrongSourceKind(expected: [.manual], got: source.kind))
        }
        if points > 0 {
            return earn(
                customer: customer, points: points, source: source, reason: reason, at: at, expiresAt: expiresAt,
                admin: admin)
        }
        return spend(
            customer: customer, points: -points, to: .programme, source: source, reason: reason, at: at, admin: admin)
    }

    /// Moves the remaining points of every lot whose expiry is at or before `at` to `expired`.
    /// `source` must be an `expiry` event (one per run, e.g. keyed by the run's date).
    public mutating func expire(source: SourceEvent, reason: String, at: Date) -> LedgerOutcome {
        if hasApplied(source) { return .alreadyApplied }
        guard source.kind == .expiry else {
            return .rejected(.wrongSourceKind(expected: [.expiry], got: source.kind))
        }
        var appended: [LedgerEntry] = []
        for lot in lots where lot.remaining > 0 {
            guard let expiresAt = lot.expiresAt, expiresAt <= at else { continue }
            appended.append(take(lot.remaining, from: lot.id, to: .expired, source: source, reason: reason, at: at))
        }
        markApplied(source)
        journal?.append(SourceApplication(source: source, at: at))
        return .applied(entries: appended, shortfall: 0)
    }

    mutating func spend(
        customer: String, points: Int64, to credit: LedgerAccount, source: SourceEvent, reason: String, at: Date,
        admin: String? = nil
    ) -> LedgerOutcome {
        guard points > 0 else { return .rejected(.nonPositivePoints(points)) }
        let lotIDs = spendableLots(of: customer, at: at)
        let spendable = lotIDs.reduce(0) { $0 + lots[$1.rawValue].remaining }
        guard spendable >= points else {
            return .rejected(.insufficientPoints(requested: points, spendable: spendable))
        }
        var left = points
        var appended: [LedgerEntry] = []
        for lot in lotIDs where left > 0 {
            let taken = min(left, lots[lot.rawValue].remaining)
            appended.append(take(taken, from: lot, to: credit, source: source, reason: reason, at: at, admin: admin))
            left -= taken
        }
        journal?.append(SourceApplication(source: source, at: at))
        return .applied(entries: appended, shortfall: 0)
    }
}
