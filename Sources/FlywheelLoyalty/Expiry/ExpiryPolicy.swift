/// A programme's expiry: the rule and how many days ahead customers are told.
public struct ExpiryPolicy: Hashable, Sendable, Codable {
    /// When points expire.
    public var rule: ExpiryRule
    /// Days before an expiry that the notice event is due (0 for no notice).
    public var noticeDays: Int

    /// A policy with `rule` and notices `noticeDays` ahead.
    public init(rule: ExpiryRule, noticeDays: Int = 30) {
        self.rule = rule
        self.noticeDays = noticeDays
    }

    /// Points never expire.
    public static let never = ExpiryPolicy(rule: .never, noticeDays: 0)

    enum CodingKeys: String, CodingKey {
        case rule
        case noticeDays = "notice_days"
    }

    /// `notice_days` defaults to 30.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            rule: try c.decode(ExpiryRule.self, forKey: .rule),
            noticeDays: try c.decodeIfPresent(Int.self, forKey: .noticeDays) ?? 30)
    }
}
