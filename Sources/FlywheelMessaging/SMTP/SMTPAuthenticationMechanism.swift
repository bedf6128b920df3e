/// A SASL mechanism for SMTP AUTH (RFC 4954) that this client speaks.
public enum SMTPAuthenticationMechanism: String, Sendable, Hashable, CaseIterable {
    /// RFC 4616: one line with the base64 of `\0user\0password`.
    case plain = "PLAIN"
    /// The widespread LOGIN mechanism: user name and password each answer a 334 prompt.
    case login = "LOGIN"
}
