/// Why the store refused an imported member record; nothing was stored. Names the code, never customer data.
public struct ImportedMemberStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The referral code another customer's record already carries.
    public let referralCode: String

    /// The referral code is taken by another customer's record: codes are unique so a link names one member.
    public static func duplicateReferralCode(_ code: String) -> ImportedMemberStoreError {
        ImportedMemberStoreError(referralCode: code)
    }

    public var description: String {
        "the referral code \(referralCode) is already kept for another customer; each code names one member"
    }
}
