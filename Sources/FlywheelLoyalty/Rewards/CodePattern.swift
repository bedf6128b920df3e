/// The pattern of a reward's discount codes: `#` is a digit, `X` a letter from an alphabet without the
/// look-alikes I and O, anything else is written as is (`FLY-####-XXXX` gives `FLY-4821-KQZB`).
public struct CodePattern: Hashable, Sendable {
    /// The pattern text.
    public let text: String

    /// The letters `X` draws from: A–Z without I and O (24).
    static let letters: [Character] = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
    /// The digits `#` draws from.
    static let digits: [Character] = Array("0123456789")

    /// A pattern; check `problem` before use.
    public init(_ text: String) { self.text = text }

    /// How many different codes the pattern can make (saturating at `UInt64.max`).
    public var capacity: UInt64 {
        var result: UInt64 = 1
        for character in text {
            let choices: UInt64 = character == "#" ? 10 : character == "X" ? 24 : 1
            let (product, overflow) = result.multipliedReportingOverflow(by: choices)
            result = overflow ? .max : product
        }
        return result
    }

    /// Why the pattern cannot be used (fewer than 10,000 possible codes, or characters a shop system may
    /// reject); `nil` when it is fine.
    public var problem: String? {
        if text.contains(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "#")) }
        ) {
            return "'\(text)' may hold only letters, digits, '#', '-' and '_'"
        }
        if capacity < 10_000 {
            return "'\(text)' makes only \(capacity) codes; use at least 4 '#' or 'X' placeholders"
        }
        return nil
    }

    /// A code drawn with `generator`.
    public func generate(using generator: inout some RandomNumberGenerator) -> String {
        var code = ""
        code.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "#": code.append(CodePattern.digits[Int.random(in: 0..<10, using: &generator)])
            case "X": code.append(CodePattern.letters[Int.random(in: 0..<24, using: &generator)])
            default: code.append(character)
            }
        }
        return code
    }
}
