public import FlywheelCore
public import Foundation

/// The tier state machine: tier settings and the shop's calendar, moving one customer's `TierState` forward
/// event by event and returning the changes as actions. No I/O, no clock.
///
/// - **Upgrade at once**: when the activity of the current period (for rolling windows: of the last 12
///   months) reaches a higher tier's entry threshold, the customer moves to the highest tier reached.
/// - **Downgrade at period end**: at the end of a calendar year, N-day period or (rolling) month, the ended
///   period's activity is measured against the retention threshold of the tiers up to the current one (entry
///   thresholds above it). Below it, the customer falls to the qualifying tier (`recompute`) or one tier
///   (`oneAtATime`), after `graceDays` when set; reaching the tier's retention threshold in the new period
///   during the grace cancels the downgrade. A tier kept at a period end is kept through the next period.
/// - **Refunds re-evaluate**: a refund takes its activity out of the period its order was in; if the tier
///   no longer rests on either the last period end's decision or the current period's entry, the customer
///   moves down at once.
public struct TierRules: Sendable {
    /// The programme's tier settings.
    public let settings: TierSettings
    /// The shop's calendar; periods start at local midnight.
    public let calendar: ShopCalendar

    /// Rules for `settings` in `calendar`'s zone.
    public init(settings: TierSettings, calendar: ShopCalendar) {
        self.settings = settings
        self.calendar = calendar
    }

    /// Applies `event` to `state` and returns the changes, oldest first (also appended to `state.history`).
    /// Period ends and grace periods between the last event and this one are applied first.
    public func handle(_ event: TierEvent, state: inout TierState) -> [TierChange] {
        var changes: [TierChange] = []
        let at = event.at
        if !state.started {
            state.started = true
            state.periodIndex = periodIndex(of: at)
            state.nextStart = periodStart(index: state.periodIndex + 1)
        }
        advance(&state, to: at, changes: &changes)
        switch event {
        case .order(_, let spend, let points):
            record(&state, placedAt: at, spend: spend, orders: 1, points: points)
            raise(&state, at: at, changes: &changes)
        case .refund(_, let placedAt, let spend, let points, let cancels):
            refund(
                &state, at: at, placedAt: placedAt, spend: spend, orders: cancels ? 1 : 0, points: points,
                changes: &changes)
        case .advance:
            break
        case .grant(_, let tier, let until):
            grant(&state, tier: tier, at: at, until: until, changes: &changes)
        }
        if !changes.isEmpty { state.history.append(contentsOf: changes) }
        return changes
    }

    /// The customer's current perks; `nil` without a tier.
    public func perks(of state: TierState) -> TierPerks? { state.tierIndex.map { settings.tiers[$0].perks } }

    /// The customer's tier.
    public func tier(of state: TierState) -> Tier? { state.tierIndex.map { settings.tiers[$0] } }

    /// Where the customer stands at `at` (after the events so far): the qualifying amount of the current
    /// period or window, and what is still needed for the next tier.
    public func progress(of state: TierState, at: Date) -> TierProgress {
        let value = valueNow(state, at: at)
        let next = (state.tierIndex ?? -1) + 1
        let nextTier = next < settings.tiers.count ? settings.tiers[next] : nil
        return TierProgress(
            basis: settings.basis, tierID: tier(of: state)?.id, tierName: tier(of: state)?.name,
            nextTierID: nextTier?.id, nextTierName: nextTier?.name, qualifying: value,
            needed: nextTier.map { max(0, $0.entryThreshold - value) })
    }

    // MARK: Events

    private func record(_ state: inout TierState, placedAt: Date, spend: Int64, orders: Int64, points: Int64) {
        if case .rolling12Months = settings.period {
            let day = localDay(placedAt)
            if let last = state.recent.indices.last, state.recent[last].day == day {
                state.recent[last].totals.add(spendMinor: spend, orders: orders, points: points)
            } else {
                var totals = QualifyingTotals()
                totals.add(spendMinor: spend, orders: orders, points: points)
                state.recent.append(.init(day: day, totals: totals))
            }
        }
        state.current.add(spendMinor: spend, orders: orders, points: points)
    }

    private func raise(_ state: inout TierState, at: Date, changes: inout [TierChange]) {
        let value = valueNow(state, at: at)
        let level = state.tierIndex ?? -1
        let entered = enteredLevel(value)
        if entered > level {
            changes.append(.init(kind: .upgrade, at: at, from: id(level), to: id(entered)))
            state.tierIndex = entered
            state.pending = nil
        } else if state.pending != nil, level >= 0, value >= settings.tiers[level].retentionThreshold {
            changes.append(.init(kind: .downgradeCancelled, at: at, from: id(level), to: id(level)))
            state.pending = nil
            state.retained = level
        }
    }

    private func refund(
        _ state: inout TierState, at: Date, placedAt: Date, spend: Int64, orders: Int64, points: Int64,
        changes: inout [TierChange]
    ) {
        let index = periodIndex(of: placedAt)
        if case .rolling12Months = settings.period {
            let day = localDay(placedAt)
            if let position = state.recent.lastIndex(where: { $0.day == day }) {
                state.recent[position].totals.add(spendMinor: -spend, orders: -orders, points: -points)
            }
        }
        if index == state.periodIndex {
            state.current.add(spendMinor: -spend, orders: -orders, points: -points)
        } else if index == state.periodIndex - 1 {
            state.previous.add(spendMinor: -spend, orders: -orders, points: -points)
            if let retained = state.retained, !isRolling {
                state.retained = min(retained, qualifiedLevel(state.previous.value(settings.basis), current: retained))
            }
        }
        let level = state.tierIndex ?? -1
        let supported = max(state.retained ?? -1, enteredLevel(valueNow(state, at: at)), activeFloor(state, at: at))
        if level > supported {
            changes.append(.init(kind: .refundDowngrade, at: at, from: id(level), to: id(supported)))
            state.tierIndex = supported >= 0 ? supported : nil
            if let pending = state.pending, (pending.to ?? -1) >= supported { state.pending = nil }
        }
    }

    /// A granted tier: raised to it at once when higher (`granted`), kept at least until `until` — period
    /// ends before then judge no lower, refunds take nothing below it, a scheduled downgrade below it is
    /// called off. An unknown tier id or a grant already over changes nothing.
    private func grant(
        _ state: inout TierState, tier: String, at: Date, until: Date?, changes: inout [TierChange]
    ) {
        guard let index = settings.tiers.firstIndex(where: { $0.id == tier }), until.map({ $0 > at }) ?? true else {
            return
        }
        state.floor = index
        state.floorUntil = until
        let level = state.tierIndex ?? -1
        if index > level {
            changes.append(.init(kind: .granted, at: at, from: id(level), to: id(index)))
            state.tierIndex = index
        }
        if let pending = state.pending, (pending.to ?? -1) < index {
            if index >= (state.tierIndex ?? -1) { state.pending = nil } else { state.pending?.to = index }
        }
    }

    /// The granted tier still in force at `at`; -1 for none.
    func activeFloor(_ state: TierState, at: Date) -> Int {
        guard let floor = state.floor else { return -1 }
        if let until = state.floorUntil, at >= until { return -1 }
        return floor
    }

    // MARK: Time

    /// Applies every period end and grace end up to `at`, in time order.
    private func advance(_ state: inout TierState, to at: Date, changes: inout [TierChange]) {
        while true {
            let boundary = state.nextStart
            let grace = state.pending?.effectiveAt
            if let grace, grace <= at, boundary.map({ grace <= $0 }) ?? true {
                applyPending(&state, at: grace, changes: &changes)
            } else if let boundary, boundary <= at {
                endPeriod(&state, at: boundary, changes: &changes)
            } else {
                return
            }
        }
    }

    private func applyPending(_ state: inout TierState, at: Date, changes: inout [TierChange]) {
        guard let pending = state.pending else { return }
        let level = state.tierIndex ?? -1
        changes.append(.init(kind: .downgrade, at: at, from: id(level), to: id(pending.to ?? -1)))
        state.tierIndex = pending.to
        state.retained = pending.to
        state.pending = nil
    }

    private func endPeriod(_ state: inout TierState, at boundary: Date, changes: inout [TierChange]) {
        if state.pending != nil { applyPending(&state, at: boundary, changes: &changes) }
        let boundaryDay = localDay(boundary)
        let ended: Int64
        if isRolling {
            ended = rollingValue(state, throughDay: boundaryDay - 1)
            let oldest = boundaryDay - 400
            if let first = state.recent.first, first.day < oldest { state.recent.removeAll { $0.day < oldest } }
        } else {
            ended = state.current.value(settings.basis)
        }
        state.previous = state.current
        state.current = QualifyingTotals()
        state.periodIndex += 1
        state.nextStart = periodStart(index: state.periodIndex + 1)
        let level = state.tierIndex ?? -1
        let qualified = max(qualifiedLevel(ended, current: level), activeFloor(state, at: boundary))
        guard qualified < level else {
            state.retained = level >= 0 ? level : nil
            return
        }
        let target = settings.downgrade == .oneAtATime ? level - 1 : qualified
        state.retained = target >= 0 ? target : nil
        if settings.graceDays > 0 {
            let effective = calendar.instant(
                localDate: CivilDate(daysSinceEpoch: boundaryDay + settings.graceDays), secondsOfDay: 0)
            state.pending = .init(to: target >= 0 ? target : nil, effectiveAt: effective)
            changes.append(
                .init(kind: .downgradeScheduled, at: boundary, from: id(level), to: id(target), effectiveAt: effective))
        } else {
            changes.append(.init(kind: .downgrade, at: boundary, from: id(level), to: id(target)))
            state.tierIndex = target >= 0 ? target : nil
        }
    }

    // MARK: Thresholds

    /// The highest tier whose entry threshold `value` reaches; -1 for none.
    func enteredLevel(_ value: Int64) -> Int {
        // By index, reading the threshold only: no copy of each `Tier` (with its strings) per order.
        var level = -1
        for index in settings.tiers.indices where settings.tiers[index].entryThreshold <= value { level = index }
        return level
    }

    /// The highest tier `value` qualifies for at a period end: retention thresholds up to `current`, entry
    /// thresholds above; -1 for none.
    func qualifiedLevel(_ value: Int64, current: Int) -> Int {
        var level = -1
        for (index, tier) in settings.tiers.enumerated() {
            let threshold = index <= current ? tier.retentionThreshold : tier.entryThreshold
            if threshold <= value { level = index }
        }
        return level
    }

    private func id(_ level: Int) -> String? { level >= 0 ? settings.tiers[level].id : nil }

    // MARK: Periods

    private var isRolling: Bool {
        if case .rolling12Months = settings.period { return true }
        return false
    }

    func localDay(_ instant: Date) -> Int { calendar.localDate(of: instant).daysSinceEpoch }

    /// The index of the period containing `instant`: the local year, the month number for rolling reviews,
    /// the N-day period number, or 0 for lifetime.
    func periodIndex(of instant: Date) -> Int {
        switch settings.period {
        case .lifetime: return 0
        case .calendarYear: return calendar.localDate(of: instant).year
        case .rolling12Months:
            let date = calendar.localDate(of: instant)
            return date.year * 12 + date.month - 1
        case .everyNDays(let days, let anchor):
            let offset = localDay(instant) - anchor.daysSinceEpoch
            let n = max(1, days)
            return offset >= 0 ? offset / n : -((-offset + n - 1) / n)
        }
    }

    /// When period `index` starts; `nil` for lifetime (one endless period).
    func periodStart(index: Int) -> Date? {
        let day: Int
        switch settings.period {
        case .lifetime: return nil
        case .calendarYear: day = CivilDate.daysSinceEpoch(year: index, month: 1, day: 1)
        case .rolling12Months: day = CivilDate.daysSinceEpoch(year: index / 12, month: index % 12 + 1, day: 1)
        case .everyNDays(let days, let anchor): day = anchor.daysSinceEpoch + index * max(1, days)
        }
        return calendar.instant(localDate: CivilDate(daysSinceEpoch: day), secondsOfDay: 0)
    }

    /// The qualifying amount at `at`: the current period's, or the last 12 months' for rolling windows; 0
    /// when `at` is in a later period than the state has seen.
    func valueNow(_ state: TierState, at: Date) -> Int64 {
        if isRolling { return rollingValue(state, throughDay: localDay(at)) }
        if let next = state.nextStart, at >= next { return 0 }
        return state.current.value(settings.basis)
    }

    /// The sum over the 12 months ending with local day `day` (from the day after the same date a year
    /// earlier).
    private func rollingValue(_ state: TierState, throughDay day: Int) -> Int64 {
        let date = CivilDate(daysSinceEpoch: day)
        let dayOfMonth = min(date.day, CivilDate.daysInMonth(year: date.year - 1, month: date.month))
        let start = CivilDate.daysSinceEpoch(year: date.year - 1, month: date.month, day: dayOfMonth)
        var sum: Int64 = 0
        for activity in state.recent where activity.day > start && activity.day <= day {
            sum += activity.totals.value(settings.basis)
        }
        return sum
    }
}
