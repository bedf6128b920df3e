/// How an outbox message travels.
public enum OutboxChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// E-mail over SMTP; the recipient is an address.
    case email
    /// SMS through the HTTP gateway; the recipient is a phone number.
    case sms

    /// Every channel.
    public static let every: Set<OutboxChannel> = Set(allCases)
}
