public import Foundation

extension Customer {
    /// Checks a customer's rules: a usable id, a plausible e-mail, a birthday in the past.
    public func validate(now: Date) throws(ValidationError) {
        var rules = Rules()
        rules.externalID(externalID, "customer_id")
        if let email { rules.require(Rules.isPlausibleEmail(email), "email", "is not a valid e-mail address") }
        rules.text(firstName, "first_name", maxBytes: 255)
        rules.text(lastName, "last_name", maxBytes: 255)
        if let birthday {
            let today = CivilDate(daysSinceEpoch: Int(now.timeIntervalSince1970 / 86_400))
            rules.require(birthday < today, "birthday", "is not in the past")
        }
        try rules.check(record: "customer \(externalID)")
    }
}
