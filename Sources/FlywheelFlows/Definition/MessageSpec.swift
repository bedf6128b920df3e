/// A send step's message: channel, template, per-locale subject and its class.
///
/// In files (`send_email` / `send_sms`): `{"template": "order_confirmation", "subject": {"de": "…", "en": "…"},
/// "message_class": "marketing", "asks_for_feedback": true, "own_similar_goods": true}`.
public struct MessageSpec: Hashable, Sendable {
    public var channel: Channel
    /// The template id the messaging side renders (one per locale and channel in its catalogue).
    public var template: String
    /// Subject per locale code (`de`, `en`); e-mail only.
    public var subject: [String: String]
    /// Overrides the flow's class, e.g. a marketing add-on inside a transactional flow.
    public var messageClass: MessageClass?
    /// The message asks for a review, rating or satisfaction answer: advertising under BGH VI ZR 225/17,
    /// so it must be `marketing`.
    public var asksForFeedback: Bool
    /// The message advertises the shop's own goods similar to what the customer bought (a condition of the
    /// existing-customer exemption, §7(3) Nr. 2 UWG).
    public var ownSimilarGoods: Bool

    public init(
        channel: Channel, template: String, subject: [String: String] = [:], messageClass: MessageClass? = nil,
        asksForFeedback: Bool = false, ownSimilarGoods: Bool = false
    ) {
        self.channel = channel
        self.template = template
        self.subject = subject
        self.messageClass = messageClass
        self.asksForFeedback = asksForFeedback
        self.ownSimilarGoods = ownSimilarGoods
    }

    enum Keys: String, CodingKey, CaseIterable {
        case template, subject
        case messageClass = "message_class"
        case asksForFeedback = "asks_for_feedback"
        case ownSimilarGoods = "own_similar_goods"
    }

    init(channel: Channel, from decoder: any Decoder) throws {
        var allowed = Set(Keys.allCases.map(\.rawValue))
        if channel == .sms { allowed.remove(Keys.subject.rawValue) }
        try KeyCheck.rejectUnknown(in: decoder, allowed: allowed)
        let c = try decoder.container(keyedBy: Keys.self)
        self.channel = channel
        template = try c.decode(String.self, forKey: .template)
        subject = try c.decodeIfPresent([String: String].self, forKey: .subject) ?? [:]
        messageClass = try c.decodeIfPresent(MessageClass.self, forKey: .messageClass)
        asksForFeedback = try c.decodeIfPresent(Bool.self, forKey: .asksForFeedback) ?? false
        ownSimilarGoods = try c.decodeIfPresent(Bool.self, forKey: .ownSimilarGoods) ?? false
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(template, forKey: .template)
        if channel == .email { try c.encode(subject, forKey: .subject) }
        try c.encodeIfPresent(messageClass, forKey: .messageClass)
        if asksForFeedback { try c.encode(true, forKey: .asksForFeedback) }
        if ownSimilarGoods { try c.encode(true, forKey: .ownSimilarGoods) }
    }
}
