/// The column names (aliases, matched ignoring case, spaces around and `_` versus space) under which each
/// provider's exports carry a field. Where a layout could not be confirmed from the provider's own
/// documentation, the aliases cover the spellings seen in their help pages and APIs (docs/loyalty.md,
/// "Switching in"; Tests/Fixtures/loyalty/README.md).
struct LoyaltyColumns: Sendable {
    /// The provider's own member id (what its history export names), never used to match shop customers.
    var providerID: [String] = ["id", "smile id", "loyaltylion id", "member id"]
    var customerID: [String]
    var email: [String]
    var firstName: [String]
    var lastName: [String]
    var fullName: [String]
    var points: [String]
    var pendingPoints: [String]
    var tier: [String]
    var referral: [String]
    var memberSince: [String]
    var birthday: [String]
    var optedIn: [String]

    /// The members export's columns for `provider`.
    static func members(_ provider: LoyaltyProvider) -> LoyaltyColumns {
        switch provider {
        case .smile:
            LoyaltyColumns(
                customerID: ["customer id", "external id", "shopify customer id", "platform customer id"],
                email: ["email", "email address", "customer email"],
                firstName: ["first name"], lastName: ["last name"], fullName: ["name", "full name"],
                points: ["points balance", "points", "balance"], pendingPoints: [],
                tier: ["vip tier", "vip tier name", "tier"],
                referral: ["referral url", "referral link", "referral code"],
                memberSince: ["created at", "member since", "date joined", "joined at"],
                birthday: ["date of birth", "birthday"], optedIn: ["state", "status", "membership status"])
        case .loyaltylion:
            LoyaltyColumns(
                customerID: ["merchant id", "customer id", "shopify id", "merchant customer id"],
                email: ["email", "email address", "customer email"],
                firstName: ["first name"], lastName: ["last name"], fullName: ["name", "full name"],
                points: ["points approved", "approved points", "points", "balance"],
                pendingPoints: ["points pending", "pending points"],
                tier: ["tier", "tier name", "current tier"],
                referral: ["referral link", "referral url", "referral code"],
                memberSince: ["enrolled at", "enrollment date", "enrolled on", "created at"],
                birthday: ["birthday", "date of birth"], optedIn: ["enrolled", "status"])
        case .yotpo, .flywheel:
            LoyaltyColumns(
                customerID: ["customer id", "third party id", "platform id", "shopify id"],
                email: ["email", "email address"],
                firstName: ["first name"], lastName: ["last name"], fullName: ["full name", "name"],
                points: ["points balance", "current points balance", "points"], pendingPoints: [],
                tier: ["vip tier", "vip tier name", "tier"],
                referral: ["referral link", "referral code", "referral url"],
                memberSince: ["created at", "member since", "joined at", "sign up date"],
                birthday: ["birthday"], optedIn: ["opted in", "opt in", "loyalty opt in"])
        }
    }

    /// History exports (points activity / transactions), the same aliases for every provider.
    enum History {
        static let rowID = ["id", "activity id", "transaction id", "history id", "points transaction id"]
        /// Matched against the members' provider ids first (Smile's points transactions name Smile's customer
        /// id), then their shop customer ids.
        static let customerID = ["customer id", "merchant id", "external id", "shopify id", "merchant customer id"]
        static let email = ["email", "customer email", "email address"]
        static let at = ["created at", "date", "time", "timestamp", "occurred at", "awarded at"]
        static let points = ["points", "points change", "change", "amount", "value", "points amount"]
        static let reason = ["description", "reason", "activity", "action", "rule", "note", "name"]
        static let type = ["type", "kind", "activity type", "transaction type", "action type"]
        static let status = ["status", "state"]
        static let orderID = ["order id", "order", "merchant order id", "order number", "order name"]
    }
}
