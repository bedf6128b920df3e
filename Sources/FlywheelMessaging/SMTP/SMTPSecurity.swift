/// How the connection is protected.
public enum SMTPSecurity: Sendable, Hashable {
    /// Plaintext first, then STARTTLS (RFC 3207), usually port 587. Sending fails when the server does
    /// not offer STARTTLS: no silent downgrade.
    case startTLS
    /// TLS from the first byte (RFC 8314), usually port 465.
    case implicitTLS
    /// No TLS: only for local relays and tests. AUTH over it is refused unless
    /// `SMTPConfiguration.allowsInsecureAuthentication` is set.
    case plaintext
}
