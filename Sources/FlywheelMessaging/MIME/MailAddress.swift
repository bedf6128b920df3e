/// A mailbox: an address and an optional display name ("Anna Müller <anna@example.de>").
public struct MailAddress: Sendable, Hashable {
    /// The address, ASCII (local part and domain as the server expects them).
    public var address: String
    /// The display name, any Unicode; encoded as RFC 2047 encoded-words when not ASCII.
    public var name: String?

    /// Creates a mailbox.
    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// The header form: `name <address>`, the name quoted or encoded as needed.
    var headerValue: String {
        guard let name, !name.isEmpty else { return "<\(address)>" }
        return "\(HeaderEncoding.phrase(name)) <\(address)>"
    }
}
