import FlywheelCore
import Foundation

extension ProgrammeReplay {
    /// The dense number of `customer`, adding the customer (and the launch bonus) when new.
    mutating func customerNumber(_ customer: String, at: Date) -> Int {
        let (index, isNew) = customerIndex.claim(customer)
        guard isNew else { return index }
        members.append(ReplayMember(id: customer, ledgerNumber: ledger.customerNumber(customer)))
        if programme.launchBonusPoints > 0 {
            award(
                index, programme.launchBonusPoints, key: "launch:\(customer)", reason: "launch bonus",
                at: max(at, programme.effectiveFrom), rule: \.launchBonus)
        }
        return index
    }

    /// Awards a `bonus` lot (expiring per the policy), counts it under `rule` and marks the customer active.
    mutating func award(
        _ index: Int, _ points: Int64, key: String, reason: String, at: Date, rule: WritableKeyPath<IssuedPoints, Int64>
    ) {
        guard points > 0 else { return }
        let expiresAt = lotExpiry(earnedAt: at)
        let outcome = ledger.earn(
            customer: members[index].id, points: points, source: SourceEvent(.bonus, key: key), reason: reason, at: at,
            expiresAt: expiresAt)
        if case .applied = outcome { issued[keyPath: rule] += points }
        members[index].lastActivity = at
    }

    /// The expiry of a lot earned at `earnedAt` under the programme's policy (it depends on the local day
    /// only, so it is computed once per day: time-zone lookups are slow).
    mutating func lotExpiry(earnedAt: Date) -> Date? {
        guard case .lotAge = programme.expiry.rule else { return nil }
        if let day = expiryDay, day.start <= earnedAt, earnedAt < day.end { return day.expiry }
        let local = calendar.localDate(of: earnedAt)
        let start = calendar.instant(localDate: local, secondsOfDay: 0)
        let end = calendar.instant(localDate: local.adding(days: 1), secondsOfDay: 0)
        let expiry = programme.expiry.lotExpiry(earnedAt: earnedAt, switchedOn: expirySwitchedOn, calendar: calendar)
        expiryDay = (start, end, expiry)
        return expiry
    }

    /// Before activity at `at`: expires the whole balance of a customer inactive past the deadline, and gives
    /// the birthday gift with the first activity in the birthday month.
    mutating func beforeActivity(_ index: Int, at: Date) {
        expireIfInactive(index, by: at)
        guard let birthday = members[index].birthday else { return }
        let local = calendar.localDate(of: at)
        guard local.month == birthday.month, members[index].lastBirthdayYear < local.year else { return }
        members[index].lastBirthdayYear = local.year
        let perks = tierRules?.perks(of: members[index].tier)
        let gift = programme.earning.points(for: .birthday).points + (perks?.birthdayGiftPoints ?? 0)
        let key = "birthday:\(members[index].id):\(local.year)"
        award(index, gift, key: key, reason: "birthday gift", at: at, rule: \.birthday)
        if let rewardID = perks?.birthdayRewardID, let reward = programme.reward(rewardID) {
            _ = rewardBook.grant(reward, customer: members[index].id, key: key, at: at, generator: &generator)
        }
    }

    /// Expires the balance of customer `index` if the inactivity deadline passed by `at`.
    mutating func expireIfInactive(_ index: Int, by at: Date) {
        guard let last = members[index].lastActivity,
            let deadline = programme.expiry.inactivityDeadline(
                lastActivity: last, switchedOn: expirySwitchedOn, calendar: calendar),
            deadline <= at
        else { return }
        _ = ledger.expireBalance(
            customer: members[index].id,
            source: SourceEvent(.expiry, key: "inactive:\(members[index].id):\(deadline.timeIntervalSince1970)"),
            reason: "inactive", at: deadline)
        members[index].lastActivity = nil
    }

    /// Releases the pending points of orders whose return window closed by `at`.
    mutating func releaseDue(at: Date) {
        while releaseHead < releases.count, releases[releaseHead].at <= at {
            let (when, slot, lot) = releases[releaseHead]
            if slot >= 0 {
                ledger.releaseOrder(slot: Int(slot), at: when)
            } else {
                ledger.releaseUnkeyedOrder(lot: Int(lot), at: when)
            }
            releaseHead += 1
        }
        if releaseHead > 4_096, releaseHead * 2 > releases.count {
            releases.removeFirst(releaseHead)
            releaseHead = 0
        }
    }
}
