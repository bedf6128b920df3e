/// How the client checks the server's certificate.
public struct SMTPTLSOptions: Sendable, Hashable {
    /// Which certificate authorities to trust.
    public enum TrustRoots: Sendable, Hashable {
        /// The system's default store.
        case system
        /// The certificates in a PEM file (e.g. a test server's self-signed certificate).
        case pemFile(String)
    }

    /// Which certificate authorities to trust.
    public var trustRoots: TrustRoots
    /// The name to verify the certificate against and to send as SNI; nil uses the configured host.
    public var serverName: String?

    /// Creates TLS options; defaults: the system's trust store, the host name as server name.
    public init(trustRoots: TrustRoots = .system, serverName: String? = nil) {
        self.trustRoots = trustRoots
        self.serverName = serverName
    }
}
