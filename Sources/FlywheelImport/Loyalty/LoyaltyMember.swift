public import FlywheelCore
public import Foundation

/// One member as another provider's export shows them: who (the shop's customer id and/or e-mail), their
/// points balance, tier, referral code and what else the export knows. Neutral: the same for every provider.
public struct LoyaltyMember: Hashable, Sendable {
    /// The line of the members file the member comes from.
    public var line: Int
    /// The provider's own id of the member (Smile's customer `id`), which its history export names.
    public var providerID: String?
    /// The shop's own customer id (e.g. Shopify's), when the export has it.
    public var customerID: String?
    /// The e-mail address, lower-cased.
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    /// The spendable points at the provider (for LoyaltyLion approved plus pending); never negative.
    public var points: Int64
    /// The tier's name at the provider.
    public var tier: String?
    /// The referral code (the last path segment of a referral link, or the code itself).
    public var referralCode: String?
    /// The referral link as exported (when the export gave a link).
    public var referralLink: String?
    /// When the member joined (or the customer was created) at the provider.
    public var memberSince: Date?
    /// The birthday; a birthday exported without a year is kept with the year 1904 (a leap year).
    public var birthday: CivilDate?
    /// Whether the member is opted in to the provider's programme (`nil`: the export does not say).
    public var optedIn: Bool?

    /// Makes a member.
    public init(
        line: Int, providerID: String? = nil, customerID: String? = nil, email: String? = nil, firstName: String? = nil, lastName: String? = nil,
        points: Int64, tier: String? = nil, referralCode: String? = nil, referralLink: String? = nil,
        memberSince: Date? = nil, birthday: CivilDate? = nil, optedIn: Bool? = nil
    ) {
        self.line = line
        self.providerID = providerID
        self.customerID = customerID
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.points = points
        self.tier = tier
        self.referralCode = referralCode
        self.referralLink = referralLink
        self.memberSince = memberSince
        self.birthday = birthday
        self.optedIn = optedIn
    }

    /// How the member is named in keys and messages: the customer id, else the e-mail.
    public var identity: String { customerID ?? email ?? "line \(line)" }
}
