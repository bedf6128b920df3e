import FlywheelCore
import Foundation

extension ProgrammeReplay {
    mutating func applyOrder(_ order: Order) {
        guard let customer = order.customerExternalID, order.cancelledAt == nil, order.currency == currency,
            case (let slot, let isNew) = ledger.orderSlot(order.externalID), isNew
        else {
            skippedOrders += 1
            return
        }
        let index = customerNumber(customer, at: order.placedAt)
        let qualifying = earn(
            index, slot: slot, source: order.externalID, placedAt: order.placedAt, totalMinor: order.totalMinor,
            redemptionKey: { order.externalID }
        ) { rules, context in try? rules.points(for: order, context: context) }
        if let terms = programme.membership, members[index].membership.isActive(at: order.placedAt) {
            let savings = terms.savings(on: order)
            memberOrders += 1
            memberSavingsMinor += savings.memberPriceMinor + savings.shippingMinor
        }
        if referralBook?.referrals.isEmpty == false {
            referralBook?.friendOrdered(
                friend: customer, order: order.externalID, amountMinor: order.totalMinor, at: order.placedAt,
                returnWindowDays: programme.returnWindowDays ?? 0)
        }
        for discount in order.discounts {
            let code = discount.code
            guard let issued = rewardBook.code(code), issued.customer == customer else { continue }
            _ = rewardBook.use(
                code: code, customer: customer, order: order.externalID,
                orderMinor: order.subtotalMinor + order.discountMinor,
                reward: programme.reward(issued.rewardID), at: order.placedAt)
        }
        milestones(index, qualifying: qualifying, at: order.placedAt)
    }

    /// An order of customer `index` in the programme's currency, new in the ledger's order table (`slot`;
    /// `nil` for a columnar order, whose id is not kept): redemptions it triggers (`redemption`), its points
    /// (`points` given the programme's earning rules — handed in rather than captured, so no copy of them is
    /// made per order — and the customer's earning context; the ledger's lot keyed `source`, pending while the
    /// return window is open), the replay's record of it for refunds (none without a slot: nothing can find
    /// the order again), the customer's activity and tier. Returns the qualifying (eligible) amount.
    mutating func earn(
        _ index: Int, slot: Int?, source: String, placedAt: Date, totalMinor: Int64, redemptionKey: () -> String,
        points earning: (EarningRules, EarningContext) -> EarnedPoints?
    ) -> Int64 {
        beforeActivity(index, at: placedAt)
        if redemption == .whenAffordable { redeemWhileAffordable(index, order: redemptionKey, at: placedAt) }
        orders += 1
        let multiplier = tierRules?.perks(of: members[index].tier)?.earningMultiplier ?? .one
        let context = EarningContext(calendar: calendar, tierMultiplier: multiplier, birthday: members[index].birthday)
        let earned = earning(programme.earning, context)
        let points = earned?.total ?? 0
        let qualifying = earned?.eligibleMinor ?? 0
        if let slot {
            // The ledger's order slots and the replay's records stay in step: only the replay claims slots.
            let record = OrderRecord(
                customer: index, placedAt: placedAt, totalMinor: totalMinor, qualifyingMinor: qualifying)
            if slot == orderRecords.count { orderRecords.append(record) } else { orderRecords[slot] = record }
        }
        if points > 0, totalMinor > 0, let earned, let currency {
            let pending = programme.returnWindowDays.map { $0 > 0 } ?? false
            let expiresAt = lotExpiry(earnedAt: placedAt)
            var lot = -1
            if let slot {
                ledger.earnOrder(
                    slot: slot, owner: members[index].ledgerNumber, customer: members[index].id, points: points,
                    source: SourceEvent(.order, key: source), at: placedAt, expiresAt: expiresAt,
                    amount: Money(minorUnits: totalMinor, currency: currency), pending: pending)
            } else {
                lot = ledger.earnUnkeyedOrder(
                    owner: members[index].ledgerNumber, customer: members[index].id, points: points, at: placedAt,
                    expiresAt: expiresAt, pending: pending)
            }
            count(earned)
            if pending, let days = programme.returnWindowDays {
                releases.append((placedAt.addingTimeInterval(Double(days) * 86_400), Int32(slot ?? -1), Int32(lot)))
            }
        }
        members[index].lastActivity = placedAt
        _ = tierRules?.handle(.order(at: placedAt, spendMinor: qualifying, points: points), state: &members[index].tier)
        return qualifying
    }

    /// The badges and challenges an order of customer `index` completes.
    mutating func milestones(_ index: Int, qualifying: Int64, at placedAt: Date) {
        if !programme.badges.isEmpty {
            for badge in members[index].badges.order(
                spendMinor: qualifying, at: placedAt, badges: programme.badges)
            {
                award(
                    index, badge.points, key: "\(badge.key):\(members[index].id)", reason: "badge", at: placedAt,
                    rule: \.badges)
            }
        }
        if !programme.challenges.isEmpty {
            let done = members[index].challenges.order(
                spendMinor: qualifying, at: placedAt, challenges: programme.challenges, segments: members[index].segments)
            for challenge in done {
                award(
                    index, challenge.points, key: "challenge:\(challenge.id):\(members[index].id)",
                    reason: "challenge", at: placedAt, rule: \.challenges)
            }
        }
    }

    mutating func applyRefund(_ refund: Refund) {
        guard let slot = ledger.existingOrderSlot(refund.orderExternalID), slot < orderRecords.count,
            refund.amountMinor > 0,
            appliedRefunds.insert(refund.externalID).inserted
        else { return }
        var record = orderRecords[slot]
        refunds += 1
        let before = ledger.balance(of: .reversed)
        let outcome = ledger.refund(
            order: refund.orderExternalID, amount: Money(minorUnits: refund.amountMinor, currency: refund.currency),
            source: SourceEvent(.refund, key: refund.externalID), reason: "refund", at: refund.createdAt)
        let reversed = ledger.balance(of: .reversed) - before + shortfall(outcome)
        record.refundedMinor = min(record.totalMinor, record.refundedMinor + refund.amountMinor)
        let fully = record.refundedMinor >= record.totalMinor
        let target =
            fully
            ? record.qualifyingMinor
            : EarningArithmetic.multiplyDivide(record.qualifyingMinor, record.refundedMinor, max(1, record.totalMinor))
        let qualifyingBack = target - record.qualifyingTaken
        record.qualifyingTaken = target
        orderRecords[slot] = record
        let index = record.customer
        if let rules = tierRules {
            _ = rules.handle(
                .refund(
                    at: refund.createdAt, orderPlacedAt: record.placedAt, spendMinor: qualifyingBack,
                    points: reversed, cancelsOrder: fully),
                state: &members[index].tier)
        }
        if !programme.badges.isEmpty { members[index].badges.refund(spendMinor: qualifyingBack, cancelsOrder: fully) }
        referralBook?.orderRefunded(order: refund.orderExternalID, at: refund.createdAt)
        let expiresAt = lotExpiry(earnedAt: refund.createdAt)
        _ = rewardBook.orderRefunded(
            order: refund.orderExternalID, fully: fully, at: refund.createdAt, ledger: &ledger, expiresAt: expiresAt)
    }

    /// Adds what an order earned to the points issued, by rule.
    private mutating func count(_ earned: EarnedPoints) {
        issued.orderBase += earned.base
        for extra in earned.lineExtras { issued.productMultipliers += extra.points }
        for extra in earned.boostExtras { issued.boosts += extra.points }
        issued.tierMultipliers += earned.tierExtra
    }

    /// `SimulatedRedemption.whenAffordable`: the cheapest reward, as often as the spendable points cover it
    /// and its limits allow (keys `auto:<order>:<n>`).
    private mutating func redeemWhileAffordable(_ index: Int, order: () -> String, at: Date) {
        guard let reward = cheapestReward else { return }
        let customer = members[index].id
        var count = 0
        while ledger.spendablePoints(of: customer, at: at) >= reward.costPoints {
            let key = "auto:\(order()):\(count)"
            guard
                case .success = rewardBook.redeem(
                    reward, customer: customer, key: key, at: at, calendar: calendar, ledger: &ledger,
                    generator: &generator)
            else { break }
            count += 1
            members[index].lastActivity = at
        }
    }

    /// The reward with the fewest points (the first on a tie); `nil` for an empty catalogue.
    var cheapestReward: Reward? {
        programme.rewards.filter { $0.costPoints > 0 }.min { $0.costPoints < $1.costPoints }
    }

    private func shortfall(_ outcome: LedgerOutcome) -> Int64 {
        if case .applied(_, let shortfall) = outcome { return shortfall }
        return 0
    }

    mutating func applyRedemption(customer: String, rewardID: String, key: String, at: Date) {
        let index = customerNumber(customer, at: at)
        beforeActivity(index, at: at)
        guard let reward = programme.reward(rewardID) else {
            redemptionsRefused += 1
            return
        }
        switch rewardBook.redeem(
            reward, customer: customer, key: key, at: at, calendar: calendar, ledger: &ledger, generator: &generator)
        {
        case .success: members[index].lastActivity = at
        case .failure: redemptionsRefused += 1
        }
    }

    mutating func applyAction(customer: String, action: EarningAction, key: String, at: Date) {
        let index = customerNumber(customer, at: at)
        beforeActivity(index, at: at)
        let period = programme.earning.capPeriod(of: action, containing: at, in: calendar)
        let capKey = "\(customer)|\(action.rawValue)|\(period?.start.timeIntervalSince1970 ?? 0)"
        let award = programme.earning.points(for: action, alreadyAwarded: actionAwards[capKey, default: 0])
        guard award.points > 0, !ledger.hasApplied(SourceEvent(.bonus, key: "action:\(key)")) else { return }
        actionAwards[capKey, default: 0] += award.points
        self.award(index, award.points, key: "action:\(key)", reason: action.rawValue, at: at, rule: \.actions)
        if !programme.badges.isEmpty {
            for badge in members[index].badges.action(action, at: at, badges: programme.badges) {
                self.award(
                    index, badge.points, key: "\(badge.key):\(customer)", reason: "badge", at: at, rule: \.badges)
            }
        }
    }
}
