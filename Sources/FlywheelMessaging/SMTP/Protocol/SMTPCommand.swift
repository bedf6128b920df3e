import NIOCore

/// A command the client sends (RFC 5321 §4.1, RFC 3207 STARTTLS, RFC 4954 AUTH).
///
/// `description` never shows credentials: AUTH payloads print as `***`.
enum SMTPCommand: Sendable, Hashable, CustomStringConvertible {
    case ehlo(domain: String)
    case startTLS
    /// `AUTH PLAIN <base64 initial response>`.
    case authPlain(initialResponse: String)
    /// `AUTH LOGIN`; the server then asks for the user name and the password.
    case authLogin
    /// A base64 line answering a 334 challenge (a user name or password).
    case authResponse(String)
    case mailFrom(address: String, eightBitMIME: Bool)
    case rcptTo(address: String)
    case data
    case reset
    case noop
    case quit

    /// Appends the command line, CRLF-terminated, to the buffer.
    func write(into buffer: inout ByteBuffer) {
        switch self {
        case .ehlo(let domain): buffer.writeString("EHLO \(domain)\r\n")
        case .startTLS: buffer.writeString("STARTTLS\r\n")
        case .authPlain(let response): buffer.writeString("AUTH PLAIN \(response)\r\n")
        case .authLogin: buffer.writeString("AUTH LOGIN\r\n")
        case .authResponse(let line): buffer.writeString("\(line)\r\n")
        case .mailFrom(let address, let eightBit):
            buffer.writeString(eightBit ? "MAIL FROM:<\(address)> BODY=8BITMIME\r\n" : "MAIL FROM:<\(address)>\r\n")
        case .rcptTo(let address): buffer.writeString("RCPT TO:<\(address)>\r\n")
        case .data: buffer.writeString("DATA\r\n")
        case .reset: buffer.writeString("RSET\r\n")
        case .noop: buffer.writeString("NOOP\r\n")
        case .quit: buffer.writeString("QUIT\r\n")
        }
    }

    var description: String {
        switch self {
        case .ehlo(let domain): "EHLO \(domain)"
        case .startTLS: "STARTTLS"
        case .authPlain: "AUTH PLAIN ***"
        case .authLogin: "AUTH LOGIN"
        case .authResponse: "***"
        case .mailFrom: "MAIL FROM"
        case .rcptTo: "RCPT TO"
        case .data: "DATA"
        case .reset: "RSET"
        case .noop: "NOOP"
        case .quit: "QUIT"
        }
    }
}
