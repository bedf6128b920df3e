/// How a message reaches the customer.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case email
    case sms
}
