import FlywheelCore
import Foundation

extension ProgrammeReplay {
    /// Adopts every upcoming version effective at or before `at`, in order.
    mutating func adoptVersions(through at: Date) {
        while let next = upcoming.first, next.effectiveFrom <= at {
            upcoming.removeFirst()
            adopt(next)
        }
    }

    /// Makes `next` the version in force; per-customer state carries over (see `init(history:…)`).
    private mutating func adopt(_ next: Programme) {
        let previous = programme
        programme = next
        currency = CurrencyCode(next.currency)
        expiryDay = nil
        if expiryFromHistory { expirySwitchedOn = history.expirySwitchedOn(asOf: next.effectiveFrom) }
        if let terms = next.referral {
            if referralBook == nil { referralBook = ReferralBook(terms: terms) } else { referralBook?.terms = terms }
        }
        guard let settings = next.tiers else {
            tierRules = nil
            return
        }
        tierRules = TierRules(settings: settings, calendar: calendar)
        guard let old = previous.tiers, old != settings else { return }
        let oldIDs = old.tiers.map(\.id)
        let newIndex = Dictionary(
            settings.tiers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func map(_ index: Int?) -> Int? { index.flatMap { newIndex[oldIDs[$0]] } }
        let restart = old.period != settings.period
        for customer in members.indices {
            var state = members[customer].tier
            state.tierIndex = map(state.tierIndex)
            state.retained = map(state.retained)
            state.floor = map(state.floor)
            if let pending = state.pending { state.pending?.to = map(pending.to) }
            if restart {
                state.started = false
                state.current = QualifyingTotals()
                state.previous = QualifyingTotals()
                state.recent = []
                state.nextStart = nil
            }
            members[customer].tier = state
        }
    }
}
