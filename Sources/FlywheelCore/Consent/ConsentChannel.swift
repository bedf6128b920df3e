/// A channel a customer may consent to marketing on.
public enum ConsentChannel: String, Sendable, Hashable, CaseIterable, Codable {
    case email
    case sms
}
