import FlywheelCore

/// The words of the customer's loyalty page in German and English (the programme's own name, points name
/// and tagline come from its branding). Placeholders: `{points}`, `{name}`, `{date}`.
enum LoyaltyPageText {
    static func table(_ locale: ShopLocale) -> [String: String] { locale == .de ? de : en }

    static let en: [String: String] = [
        "language": "Language", "balance": "Your balance", "pending": "{points} more on the way (after the return window)",
        "expiring": "{points} {name} expire on {date}", "tier": "Your tier", "top_tier": "You are in the top tier.",
        "no_tier": "No tier yet", "rewards": "Rewards", "redeem": "Redeem", "missing": "{points} more needed",
        "no_rewards": "No rewards yet.", "codes": "Your codes", "history": "Where your points came from",
        "no_history": "No points yet.", "referral": "Invite friends", "referral_text":
            "Share your code or link: you and your friend are both rewarded after their first order.",
        "referral_code": "Your code:", "referral_link": "Your link", "your_code": "Your code:",
        "redeemed": "Redeemed. Use this code at checkout.", "unaffordable": "Not enough points for this reward.",
        "limit": "You have reached this reward's limit.", "unknown_reward": "This reward is not available.",
        "form_refused": "This form could not be accepted. Please open your link again.",
        "reason_order": "Order {key}", "reason_refund": "Refund {key}", "reason_redemption": "Reward redeemed",
        "reason_release": "Return window closed: points available", "reason_expiry": "Points expired",
        "reason_bonus": "Bonus", "reason_manual": "Adjustment: {reason}", "reason_referral": "Referral",
        "reason_hand_back": "Points handed back (order refunded)",
        "status_issued": "ready to use", "status_used": "used", "status_expired": "expired",
        "status_handed_back": "handed back",
    ]

    static let de: [String: String] = [
        "language": "Sprache", "balance": "Ihr Punktestand", "pending": "{points} weitere unterwegs (nach der Rückgabefrist)",
        "expiring": "{points} {name} verfallen am {date}", "tier": "Ihre Stufe", "top_tier": "Sie sind in der höchsten Stufe.",
        "no_tier": "Noch keine Stufe", "rewards": "Prämien", "redeem": "Einlösen", "missing": "noch {points} nötig",
        "no_rewards": "Noch keine Prämien.", "codes": "Ihre Codes", "history": "Woher Ihre Punkte kommen",
        "no_history": "Noch keine Punkte.", "referral": "Freunde einladen", "referral_text":
            "Teilen Sie Ihren Code oder Link: Sie und Ihre Freundin oder Ihr Freund werden nach der ersten Bestellung belohnt.",
        "referral_code": "Ihr Code:", "referral_link": "Ihr Link", "your_code": "Ihr Code:",
        "redeemed": "Eingelöst. Nutzen Sie diesen Code an der Kasse.", "unaffordable": "Nicht genug Punkte für diese Prämie.",
        "limit": "Sie haben das Limit dieser Prämie erreicht.", "unknown_reward": "Diese Prämie gibt es nicht.",
        "form_refused": "Dieses Formular konnte nicht angenommen werden. Bitte öffnen Sie Ihren Link erneut.",
        "reason_order": "Bestellung {key}", "reason_refund": "Erstattung {key}", "reason_redemption": "Prämie eingelöst",
        "reason_release": "Rückgabefrist vorbei: Punkte verfügbar", "reason_expiry": "Punkte verfallen",
        "reason_bonus": "Bonus", "reason_manual": "Korrektur: {reason}", "reason_referral": "Empfehlung",
        "reason_hand_back": "Punkte zurück (Bestellung erstattet)",
        "status_issued": "einlösbar", "status_used": "eingelöst", "status_expired": "abgelaufen",
        "status_handed_back": "zurückgegeben",
    ]

    /// `template` with each `{name}` replaced.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }
}
