/// Where and how to reach an SMTP server. Read once at start-up and passed down.
public struct SMTPConfiguration: Sendable {
    /// The server's host name or IP address.
    public var host: String
    /// The port: 587 for STARTTLS, 465 for implicit TLS, 25 for relays.
    public var port: Int
    /// How the connection is protected.
    public var security: SMTPSecurity
    /// Certificate checking for TLS.
    public var tls: SMTPTLSOptions
    /// Credentials for AUTH; nil sends without authenticating.
    public var credentials: SMTPCredentials?
    /// SASL mechanisms to use, in order of preference; the first the server offers is taken.
    public var authenticationMechanisms: [SMTPAuthenticationMechanism]
    /// Allows AUTH over a connection without TLS (local test servers only).
    public var allowsInsecureAuthentication: Bool
    /// The name this client gives in EHLO (RFC 5321: its fully qualified domain name).
    public var clientName: String
    /// Whether to pipeline commands (RFC 2920) when the server offers PIPELINING.
    public var usesPipelining: Bool
    /// How long to wait for a TCP connection.
    public var connectTimeout: Duration
    /// How long to wait for each reply (and for the TLS handshake) before giving up on the connection.
    public var replyTimeout: Duration

    /// Creates a configuration; defaults: STARTTLS, system trust roots, PLAIN before LOGIN, pipelining on,
    /// 10 s to connect, 60 s per reply.
    public init(
        host: String,
        port: Int = 587,
        security: SMTPSecurity = .startTLS,
        tls: SMTPTLSOptions = SMTPTLSOptions(),
        credentials: SMTPCredentials? = nil,
        authenticationMechanisms: [SMTPAuthenticationMechanism] = [.plain, .login],
        allowsInsecureAuthentication: Bool = false,
        clientName: String = "localhost",
        usesPipelining: Bool = true,
        connectTimeout: Duration = .seconds(10),
        replyTimeout: Duration = .seconds(60)
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.tls = tls
        self.credentials = credentials
        self.authenticationMechanisms = authenticationMechanisms
        self.allowsInsecureAuthentication = allowsInsecureAuthentication
        self.clientName = clientName
        self.usesPipelining = usesPipelining
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
    }
}
