/// What the server offered in its EHLO reply (RFC 5321 §4.1.1.1): one keyword per line after the first.
public struct SMTPServerCapabilities: Sendable, Hashable {
    /// Keywords in upper case with their parameters, e.g. `["AUTH": ["PLAIN", "LOGIN"], "SIZE": ["10240000"]]`.
    public var extensions: [String: [String]]

    /// Reads the capabilities from an EHLO reply (its first line is the server's greeting name).
    public init(ehloReply: SMTPReply) {
        var extensions: [String: [String]] = [:]
        for line in ehloReply.lines.dropFirst() {
            let words = line.split(separator: " ").map(String.init)
            guard let keyword = words.first else { continue }
            extensions[keyword.uppercased()] = words.dropFirst().map { $0.uppercased() }
        }
        self.extensions = extensions
    }

    /// Creates capabilities directly (tests).
    public init(extensions: [String: [String]]) {
        self.extensions = extensions
    }

    /// Whether the server offers this extension keyword.
    public func supports(_ keyword: String) -> Bool { extensions[keyword.uppercased()] != nil }

    /// STARTTLS (RFC 3207).
    public var startTLS: Bool { supports("STARTTLS") }
    /// PIPELINING (RFC 2920).
    public var pipelining: Bool { supports("PIPELINING") }
    /// 8BITMIME (RFC 6152).
    public var eightBitMIME: Bool { supports("8BITMIME") }
    /// The SASL mechanisms of the AUTH extension (RFC 4954), upper case.
    public var authenticationMechanisms: [String] { extensions["AUTH"] ?? [] }
    /// The SIZE limit in octets (RFC 1870), when the server states one.
    public var maximumMessageSize: Int? { extensions["SIZE"]?.first.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } }
}
