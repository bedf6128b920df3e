import FlywheelCore
import Foundation

extension Programme {
    /// Every problem with the programme, each naming its key path (`tiers[2].entry_threshold`) and what is
    /// wrong; empty when the programme can be used.
    public func validate() -> [ProgrammeProblem] {
        var list = ProblemList()
        list.check(!id.isEmpty, "id", "must not be empty")
        list.check(version >= 1, "version", "must be 1 or more, got \(version)")
        list.check(!name.trimmingCharacters(in: .whitespaces).isEmpty, "name", "must not be empty")
        list.check(CurrencyCode(currency) != nil, "currency", "'\(currency)' is not an ISO 4217 currency code")
        validateBranding(&list)
        list.check(pointValue.points > 0, "point_value.points", "must be positive, got \(pointValue.points)")
        list.check(
            pointValue.valueMinor >= 0, "point_value.value_minor", "must not be negative, got \(pointValue.valueMinor)")
        validateEarning(&list)
        list.check(launchBonusPoints >= 0, "launch_bonus_points", "must not be negative, got \(launchBonusPoints)")
        if let days = returnWindowDays {
            list.check(days >= 0, "return_window_days", "must not be negative, got \(days)")
        }
        validateRewards(&list)
        if let tiers { validateTiers(tiers, &list) }
        if let referral { validateReferral(referral, &list) }
        validateExpiry(&list)
        validateGamification(&list)
        if let membership { validateMembership(membership, &list) }
        return list.problems
    }

    private func validateBranding(_ list: inout ProblemList) {
        list.check(
            Programme.isColor(branding.primaryColor), "branding.primary_color",
            "'\(branding.primaryColor)' is not a colour of the form #RRGGBB")
        list.check(
            Programme.isColor(branding.accentColor), "branding.accent_color",
            "'\(branding.accentColor)' is not a colour of the form #RRGGBB")
        if let logo = branding.logoURL {
            let scheme = URL(string: logo)?.scheme?.lowercased()
            list.check(
                scheme == "https" || scheme == "http", "branding.logo_url", "'\(logo)' is not an http(s) address")
        }
        for language in ["de", "en"] where branding.texts[language] == nil {
            list.add("branding.texts.\(language)", "is missing; give the texts in German and English")
        }
        for (language, texts) in branding.texts.sorted(by: { $0.key < $1.key }) {
            list.check(
                ShopLocale(rawValue: language) != nil, "branding.texts.\(language)",
                "'\(language)' is not a supported language; use de or en")
            list.check(
                !texts.programmeName.isEmpty, "branding.texts.\(language).programme_name", "must not be empty")
            list.check(!texts.pointsName.isEmpty, "branding.texts.\(language).points_name", "must not be empty")
        }
    }

    private func validateEarning(_ list: inout ProblemList) {
        list.check(
            earning.currency == currency, "earning.currency",
            "must be the programme's currency (\(currency)), got '\(earning.currency)'")
        list.check(
            earning.pointsPerUnit >= 0, "earning.points_per_unit", "must not be negative, got \(earning.pointsPerUnit)")
        for (action, points) in earning.actionPoints.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            list.check(
                points >= 0, "earning.action_points.\(action.rawValue)", "must not be negative, got \(points)")
        }
        for (action, cap) in earning.actionCaps.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            list.check(
                cap.maxPoints >= 0, "earning.action_caps.\(action.rawValue).max_points",
                "must not be negative, got \(cap.maxPoints)")
        }
        for (index, boost) in earning.boosts.enumerated() {
            list.check(!boost.name.isEmpty, "earning.boosts[\(index)].name", "must not be empty")
            if case .dates(let start, let end) = boost.window {
                list.check(start < end, "earning.boosts[\(index)].window.end", "must be after the window's start")
            }
        }
    }

    private func validateRewards(_ list: inout ProblemList) {
        list.checkUnique(rewards.map(\.id), path: { "rewards[\($0)].id" }, what: "reward id")
        for (index, reward) in rewards.enumerated() {
            let path = "rewards[\(index)]"
            list.check(!reward.id.isEmpty, "\(path).id", "must not be empty")
            list.check(reward.costPoints > 0, "\(path).cost_points", "must be positive, got \(reward.costPoints)")
            switch reward.kind {
            case .amountOff(let minor), .storeCredit(let minor):
                list.check(minor > 0, "\(path).kind.amount_minor", "must be positive, got \(minor)")
            case .percentOff(let percent):
                list.check((1...100).contains(percent), "\(path).kind.percent", "must be 1 to 100, got \(percent)")
            case .freeProduct(let sku):
                list.check(!sku.isEmpty, "\(path).kind.sku", "must not be empty")
            case .freeShipping, .experience:
                break
            }
            if let minimum = reward.minimumOrderMinor {
                list.check(minimum >= 0, "\(path).minimum_order_minor", "must not be negative, got \(minimum)")
            }
            for (limitIndex, limit) in reward.limits.enumerated() {
                list.check(
                    limit.count >= 1, "\(path).limits[\(limitIndex)].count", "must be 1 or more, got \(limit.count)")
            }
            if let problem = CodePattern(reward.codePattern).problem {
                list.add("\(path).code_pattern", problem)
            }
            if let days = reward.validDays {
                list.check(days >= 1, "\(path).valid_days", "must be 1 or more, got \(days)")
            }
        }
    }

    private func validateTiers(_ settings: TierSettings, _ list: inout ProblemList) {
        list.check(!settings.tiers.isEmpty, "tiers.tiers", "must list at least one tier")
        list.check(settings.graceDays >= 0, "tiers.grace_days", "must not be negative, got \(settings.graceDays)")
        if case .everyNDays(let days, _) = settings.period {
            list.check(days >= 1, "tiers.period.days", "must be 1 or more, got \(days)")
        }
        list.checkUnique(settings.tiers.map(\.id), path: { "tiers.tiers[\($0)].id" }, what: "tier id")
        for (index, tier) in settings.tiers.enumerated() {
            let path = "tiers.tiers[\(index)]"
            list.check(!tier.name.isEmpty, "\(path).name", "must not be empty")
            list.check(
                tier.entryThreshold >= 0, "\(path).entry_threshold", "must not be negative, got \(tier.entryThreshold)")
            if index > 0 {
                let previous = settings.tiers[index - 1].entryThreshold
                list.check(
                    tier.entryThreshold > previous, "\(path).entry_threshold",
                    "must be greater than tiers[\(index - 1)]'s (\(previous))")
            }
            list.check(
                tier.retentionThreshold >= 0 && tier.retentionThreshold <= tier.entryThreshold,
                "\(path).retention_threshold",
                "must be between 0 and the entry threshold (\(tier.entryThreshold)), got \(tier.retentionThreshold)")
            list.check(
                tier.perks.birthdayGiftPoints >= 0, "\(path).perks.birthday_gift_points",
                "must not be negative, got \(tier.perks.birthdayGiftPoints)")
            if let rewardID = tier.perks.birthdayRewardID {
                list.check(
                    reward(rewardID) != nil, "\(path).perks.birthday_reward_id",
                    "names no reward in the catalogue ('\(rewardID)')")
            }
        }
    }

    private func validateReferral(_ terms: ReferralTerms, _ list: inout ProblemList) {
        list.check(
            terms.referrerPoints >= 0, "referral.referrer_points", "must not be negative, got \(terms.referrerPoints)")
        list.check(terms.friendPoints >= 0, "referral.friend_points", "must not be negative, got \(terms.friendPoints)")
        list.check(terms.maxReferrals >= 1, "referral.max_referrals", "must be 1 or more, got \(terms.maxReferrals)")
        list.check(
            terms.minimumOrderMinor >= 0, "referral.minimum_order_minor",
            "must not be negative, got \(terms.minimumOrderMinor)")
        if let rewardID = terms.friendRewardID {
            // Read so that it can be named: a gift code for the friend is not issued (yet), so a programme that
            // asks for one is refused instead of silently rewarding the friend in points only.
            list.check(
                false, "referral.friend_reward_id",
                "is not supported: the friend is rewarded in points (friend_points); remove '\(rewardID)'")
        }
    }

    private func validateExpiry(_ list: inout ProblemList) {
        if let months = expiry.rule.months {
            list.check(months >= 1, "expiry.rule.months", "must be 1 or more, got \(months)")
        }
        list.check(expiry.noticeDays >= 0, "expiry.notice_days", "must not be negative, got \(expiry.noticeDays)")
    }

    private func validateGamification(_ list: inout ProblemList) {
        list.checkUnique(badges.map(\.id), path: { "badges[\($0)].id" }, what: "badge id")
        for (index, badge) in badges.enumerated() {
            list.check(badge.points >= 0, "badges[\(index)].points", "must not be negative, got \(badge.points)")
            switch badge.trigger {
            case .orderCount(let count), .action(_, let count):
                list.check(count >= 1, "badges[\(index)].trigger.count", "must be 1 or more, got \(count)")
            case .spend(let minor):
                list.check(minor > 0, "badges[\(index)].trigger.amount_minor", "must be positive, got \(minor)")
            case .anniversary(let days):
                list.check(days >= 1, "badges[\(index)].trigger.days", "must be 1 or more, got \(days)")
            }
        }
        list.checkUnique(challenges.map(\.id), path: { "challenges[\($0)].id" }, what: "challenge id")
        for (index, challenge) in challenges.enumerated() {
            let path = "challenges[\(index)]"
            list.check(challenge.start < challenge.end, "\(path).end", "must be after the challenge's start")
            list.check(
                challenge.goalOrders > 0 || challenge.goalSpendMinor > 0, "\(path).goal_orders",
                "a challenge needs an order goal or a spend goal (goal_spend_minor)")
            list.check(challenge.points > 0, "\(path).points", "must be positive, got \(challenge.points)")
        }
    }

    private func validateMembership(_ terms: MembershipTerms, _ list: inout ProblemList) {
        list.check(terms.feeMinor > 0, "membership.fee_minor", "must be positive, got \(terms.feeMinor)")
        list.check(terms.periodMonths >= 1, "membership.period_months", "must be 1 or more, got \(terms.periodMonths)")
        list.check(terms.trialDays >= 0, "membership.trial_days", "must not be negative, got \(terms.trialDays)")
        list.check(
            (0...100).contains(terms.memberPricePercentOff), "membership.member_price_percent_off",
            "must be 0 to 100, got \(terms.memberPricePercentOff)")
    }

    /// Whether `text` is `#RRGGBB`.
    static func isColor(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#") else { return false }
        return bytes.dropFirst().allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
    }
}
