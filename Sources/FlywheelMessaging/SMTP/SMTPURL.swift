import Foundation

/// Where and how to reach the shop's mail server, as one URL (`flywheel serve --smtp`, `FLYWHEEL_SMTP`):
///
///     smtp://USER:PASSWORD@HOST:PORT?tls=starttls|implicit|none
///
/// `smtps://` means implicit TLS. User and password are percent-decoded (write `@` as `%40`, `:` as `%3A`).
/// The port defaults to 587 (STARTTLS, no TLS) or 465 (implicit TLS). Other parameters: `ca=FILE` trusts the
/// certificates of a PEM file instead of the system's, `server_name=NAME` verifies the certificate for that
/// name, `insecure_auth=true` allows AUTH without TLS (a local relay), `ehlo=NAME` is the client's name in EHLO.
///
/// `description` shows everything but the password.
public struct SMTPURL: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var security: SMTPSecurity
    public var credentials: SMTPCredentials?
    public var trustRoots: SMTPTLSOptions.TrustRoots
    public var serverName: String?
    public var allowsInsecureAuthentication: Bool
    public var clientName: String?

    /// Parses a URL; the error names the part that is wrong and never quotes the password.
    public init(parsing text: String) throws(SMTPURLError) {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)) else {
            throw SMTPURLError(
                "it does not parse as a URL (percent-encode special characters of the user and password, e.g. @ as %40)")
        }
        let scheme = components.scheme?.lowercased()
        guard scheme == "smtp" || scheme == "smtps" else {
            throw SMTPURLError("the scheme must be smtp:// or smtps://, not \(components.scheme.map { "\($0)://" } ?? "none")")
        }
        guard let host = components.host, !host.isEmpty else { throw SMTPURLError("it names no host") }
        var security: SMTPSecurity = scheme == "smtps" ? .implicitTLS : .startTLS
        var trustRoots = SMTPTLSOptions.TrustRoots.system
        var serverName: String?
        var insecureAuthentication = false
        var clientName: String?
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "tls":
                switch value.lowercased() {
                case "starttls": security = .startTLS
                case "implicit": security = .implicitTLS
                case "none": security = .plaintext
                default: throw SMTPURLError("the parameter tls=\(value) is not one of starttls, implicit, none")
                }
            case "ca":
                guard !value.isEmpty else { throw SMTPURLError("the parameter ca needs a PEM file's path") }
                trustRoots = .pemFile(value)
            case "server_name":
                guard !value.isEmpty else { throw SMTPURLError("the parameter server_name needs a name") }
                serverName = value
            case "insecure_auth":
                guard let flag = Bool(value.lowercased()) else {
                    throw SMTPURLError("the parameter insecure_auth=\(value) is not true or false")
                }
                insecureAuthentication = flag
            case "ehlo":
                guard !value.isEmpty else { throw SMTPURLError("the parameter ehlo needs a host name") }
                clientName = value
            default:
                throw SMTPURLError(
                    "the parameter \"\(item.name)\" is not known (tls, ca, server_name, insecure_auth, ehlo are)")
            }
        }
        let port = components.port ?? (security == .implicitTLS ? 465 : 587)
        guard (1...65_535).contains(port) else { throw SMTPURLError("the port \(port) is not between 1 and 65535") }
        var credentials: SMTPCredentials?
        if let encodedUser = components.percentEncodedUser {
            guard let user = Self.percentDecoded(encodedUser), !user.isEmpty else {
                throw SMTPURLError("the user name is empty or not valid percent-encoding")
            }
            guard let encodedPassword = components.percentEncodedPassword else {
                throw SMTPURLError("the user \(user) has no password (smtp://USER:PASSWORD@HOST)")
            }
            guard let password = Self.percentDecoded(encodedPassword) else {
                throw SMTPURLError("the password is not valid percent-encoding")
            }
            credentials = SMTPCredentials(username: user, password: password)
        }
        guard components.path.isEmpty || components.path == "/" else {
            throw SMTPURLError("it must have no path (only smtp://USER:PASSWORD@HOST:PORT?PARAMETERS)")
        }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = port
        self.security = security
        self.credentials = credentials
        self.trustRoots = trustRoots
        self.serverName = serverName
        self.allowsInsecureAuthentication = insecureAuthentication
        self.clientName = clientName
    }

    /// The client configuration; `clientName` is used in EHLO unless the URL gives `ehlo`.
    public func configuration(clientName defaultClientName: String = "localhost") -> SMTPConfiguration {
        SMTPConfiguration(
            host: host, port: port, security: security,
            tls: SMTPTLSOptions(trustRoots: trustRoots, serverName: serverName), credentials: credentials,
            allowsInsecureAuthentication: allowsInsecureAuthentication, clientName: clientName ?? defaultClientName)
    }

    /// The URL without its password: `smtp://USER@HOST:PORT (STARTTLS)`.
    public var description: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        let user = credentials.map { "\($0.username.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? "")@" } ?? ""
        let mode =
            switch security {
            case .startTLS: "STARTTLS"
            case .implicitTLS: "implicit TLS"
            case .plaintext: "no TLS"
            }
        return "smtp://\(user)\(host):\(port) (\(mode))"
    }

    /// `%XX` sequences decoded, strictly: `nil` for a `%` without two hex digits or bytes that are not UTF-8
    /// (Foundation's `removingPercentEncoding` lets some of those through).
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var rest = Array(text.utf8)[...]
        while let byte = rest.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard rest.count >= 2, let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(value)
            rest = rest.dropFirst(2)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
