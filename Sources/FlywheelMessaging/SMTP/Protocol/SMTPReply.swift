/// One reply of an SMTP server: a three-digit code and the text of each of its lines (RFC 5321 §4.2).
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    /// The reply code, e.g. 250, 354, 451, 550.
    public var code: Int
    /// The text of each line, without the code and separator.
    public var lines: [String]

    /// Creates a reply from its code and lines.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// All lines joined by a space.
    public var text: String { lines.joined(separator: " ") }

    /// 2yz: the command was accepted.
    public var isPositiveCompletion: Bool { code / 100 == 2 }
    /// 3yz: the server waits for more (354 after DATA, 334 during AUTH).
    public var isPositiveIntermediate: Bool { code / 100 == 3 }
    /// 4yz: a temporary failure; the same command may succeed later.
    public var isTransientNegative: Bool { code / 100 == 4 }
    /// 5yz: a permanent failure; repeating the command will not help.
    public var isPermanentNegative: Bool { code / 100 == 5 }

    /// The enhanced status code at the start of the first line (RFC 3463), e.g. "5.1.1", when present.
    public var enhancedStatus: String? {
        guard let first = lines.first, let token = first.split(separator: " ").first else { return nil }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let head = parts.first, head.count == 1, "245".contains(head),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return String(token)
    }

    public var description: String { "\(code) \(text)" }
}
