import FlywheelCore
import Foundation

@testable import FlywheelLoyalty

/// Shared helpers for the ledger tests.
enum LedgerTestSupport {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let eur = CurrencyCode.eur

    static func day(_ n: Int) -> Date { start.addingTimeInterval(Double(n) * 86_400) }

    static func euros(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: eur) }

    /// Earns `points` for order `key` worth `amountMinor`.
    @discardableResult
    static func earnOrder(
        _ ledger: inout PointsLedger, customer: String = "c1", key: String, points: Int64, amountMinor: Int64,
        day earnedDay: Int = 0, expiresDay: Int? = nil
    ) -> LedgerOutcome {
        ledger.earn(
            customer: customer, points: points, source: SourceEvent(.order, key: key), reason: "order \(key)",
            at: day(earnedDay), expiresAt: expiresDay.map(day), orderAmount: euros(amountMinor))
    }

    /// Checks every balance against the entries and the zero-sum rule.
    static func balancesAreConsistent(_ ledger: PointsLedger) -> Bool {
        let total = ledger.accounts.reduce(Int64(0)) { $0 + ledger.balance(of: $1) }
        let cachedMatch = ledger.accounts.allSatisfy { ledger.balance(of: $0) == ledger.balanceFromEntries(of: $0) }
        return total == 0 && cachedMatch && ledger.lots.allSatisfy { $0.remaining >= 0 }
    }
}
