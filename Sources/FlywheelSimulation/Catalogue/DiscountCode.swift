/// A discount code customers use on their first order.
struct DiscountCode: Sendable {
    var code: String
    var percentOff: Int

    /// Newsletter sign-up and (15 % of) other regular customers.
    static let welcome = DiscountCode(code: "WILLKOMMEN10", percentOff: 10)
    /// Customers a friend referred.
    static let friend = DiscountCode(code: "FREUND15", percentOff: 15)
    /// The share of regular customers outside newsletter and referral who use the welcome code.
    static let welcomeShareOfOthers = 0.15
}
