/// Fixed-width lower-case hex of an integer, for ids and keys that must sort as text in the order of their
/// numbers (outbox ids, enrolment ids, Message-IDs).
public enum HexDigits {
    /// The low `digits` × 4 bits of `value` as exactly `digits` lower-case hex digits (1 to 16), zero-padded on
    /// the left.
    public static func padded(_ value: UInt64, digits: Int) -> String {
        precondition((1...16).contains(digits), "1 to 16 hex digits")
        let masked = digits == 16 ? value : value & ((1 << (4 * UInt64(digits))) - 1)
        let text = String(masked, radix: 16)
        return String(repeating: "0", count: digits - text.count) + text
    }
}
