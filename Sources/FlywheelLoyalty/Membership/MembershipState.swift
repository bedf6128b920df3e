public import FlywheelCore
public import Foundation

/// One customer's paid membership: paid periods, a trial, cancellation. A pure value.
public struct MembershipState: Hashable, Sendable, Codable {
    /// Until when the membership is paid (or in trial); `nil` for never a member.
    public private(set) var activeUntil: Date?
    /// Fees paid so far (minor units).
    public private(set) var feesPaidMinor: Int64 = 0
    /// Whether the trial was used.
    public private(set) var trialUsed = false
    /// Whether the member cancelled: the paid period runs out, nothing renews.
    public private(set) var cancelled = false

    /// Never a member.
    public init() {}

    /// Whether the member has the perks at `at`.
    public func isActive(at: Date) -> Bool { activeUntil.map { at < $0 } ?? false }

    /// Starts the free trial at `at` (once per customer); returns whether it started.
    public mutating func startTrial(at: Date, terms: MembershipTerms) -> Bool {
        guard !trialUsed, terms.trialDays > 0, !isActive(at: at) else { return false }
        trialUsed = true
        activeUntil = at.addingTimeInterval(Double(terms.trialDays) * 86_400)
        return true
    }

    /// A fee paid at `at`: extends the membership by one period from its current end (or from `at` when
    /// lapsed), in `calendar`'s zone; returns the new end.
    @discardableResult
    public mutating func pay(at: Date, terms: MembershipTerms, calendar: ShopCalendar) -> Date {
        let from = activeUntil.map { max($0, at) } ?? at
        let end = ExpiryPolicy.date(months: terms.periodMonths, after: from, roundToMonthEnd: false, calendar: calendar)
        activeUntil = end
        feesPaidMinor += terms.feeMinor
        cancelled = false
        return end
    }

    /// Cancels renewal; the paid period stays.
    public mutating func cancel() { cancelled = true }
}
