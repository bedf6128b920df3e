import FlywheelCore
import FlywheelLoyalty
import Foundation

/// The loyalty page's template values from an account (no I/O): words in the customer's language, numbers
/// and dates in its format, the programme's branding.
struct LoyaltyPageView {
    let programme: Programme
    let locale: ShopLocale
    let currency: CurrencyCode
    let calendar: ShopCalendar

    func context(
        account: LoyaltyAccount, history: [LedgerEntryRecord], token: String, csrf: String,
        referral: (code: String, link: URL?)?
    ) -> [String: Any] {
        let words = LoyaltyPageText.table(locale)
        let brand = programme.branding.texts[locale.rawValue] ?? programme.branding.texts.values.first
        let pointsName = brand?.pointsName ?? "points"
        var context: [String: Any] = [
            "lang": locale.rawValue, "t": words, "programme": brand?.programmeName ?? programme.name,
            "primary": programme.branding.primaryColor, "accent": programme.branding.accentColor,
            "pointsName": pointsName, "available": number(account.available),
            "linkDE": pageLink(token, "de"), "linkEN": pageLink(token, "en"),
        ]
        if let tagline = brand?.tagline { context["tagline"] = tagline }
        if account.pending > 0 {
            context["pending"] = true
            context["pendingText"] = LoyaltyPageText.fill(words["pending"]!, ["points": number(account.pending)])
        }
        if let expiring = account.expiringNext {
            context["expiring"] = true
            context["expiringText"] = LoyaltyPageText.fill(
                words["expiring"]!, ["points": number(expiring.points), "name": pointsName, "date": date(expiring.at)])
        }
        if programme.tiers != nil {
            context["hasTier"] = true
            context["tierName"] = account.tier?.name ?? words["no_tier"]!
            if let progress = account.progress, let needed = progress.needed,
                let text = progress.summary(currency: currency, locale: locale)
            {
                context["progressText"] = text
                let total = progress.qualifying + needed
                context["percent"] = total > 0 ? Int(progress.qualifying * 100 / total) : 0
            }
        }
        context["rewards"] = programme.rewards.map { reward -> [String: Any] in
            let affordable = account.spendable >= reward.costPoints
            return [
                "id": reward.id, "name": reward.name, "cost": number(reward.costPoints), "pointsName": pointsName,
                "affordable": affordable, "token": token, "csrf": csrf, "lang": locale.rawValue,
                "missing": LoyaltyPageText.fill(
                    words["missing"]!, ["points": number(max(0, reward.costPoints - account.spendable))]),
            ]
        }
        context["hasCodes"] = !account.codes.isEmpty
        context["codes"] = account.codes.map { code -> [String: Any] in
            ["code": code.code, "status": words["status_\(code.status.rawValue)"] ?? code.status.rawValue]
        }
        context["history"] = history.map { entry -> [String: Any] in
            let change = entry.customerChange
            return [
                "date": date(entry.at), "reason": reason(entry, words),
                "points": change > 0 ? "+" + number(change) : change < 0 ? "−" + number(-change) : "±0",
                "sign": change > 0 ? "plus" : change < 0 ? "minus" : "",
            ]
        }
        if let referral {
            context["referral"] = ["code": referral.code, "link": referral.link?.absoluteString ?? ""]
        }
        return context
    }

    private func reason(_ entry: LedgerEntryRecord, _ words: [String: String]) -> String {
        let template = words["reason_\(entry.sourceKind)"] ?? entry.sourceKind
        return LoyaltyPageText.fill(template, ["key": entry.sourceKey, "reason": entry.reason])
    }

    private func pageLink(_ token: String, _ lang: String) -> String {
        var components = URLComponents()
        components.path = LoyaltyPageRoutes.path
        components.queryItems = [URLQueryItem(name: "t", value: token), URLQueryItem(name: "lang", value: lang)]
        return components.string ?? LoyaltyPageRoutes.path
    }

    /// 12,345 (en) or 12.345 (de).
    func number(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(locale == .de ? "." : ",") }
            grouped.append(character)
        }
        return (value < 0 ? "−" : "") + grouped
    }

    /// 2027-03-01 (en) or 1.3.2027 (de), in the shop's zone.
    func date(_ instant: Date) -> String {
        let day = calendar.localDate(of: instant)
        if locale == .de { return "\(day.day).\(day.month).\(day.year)" }
        return String(format: "%04d-%02d-%02d", day.year, day.month, day.day)
    }
}
