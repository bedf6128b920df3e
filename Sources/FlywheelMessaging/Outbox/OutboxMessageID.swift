import FlywheelCore

/// The Message-ID of an outbox e-mail, derived from its idempotency key: every attempt, a resend after a
/// crash included, carries the same Message-ID, so the receiving side (and we) can recognise a duplicate.
public enum OutboxMessageID {
    /// `fw.<32 hex digits>@<domain>`: 128 bits of a stable hash of the key (Core's
    /// `ExternalIDHash`), so the key itself (which names an enrolment) is not shown to the recipient.
    public static func make(idempotencyKey: String, domain: String) -> String {
        let (high, low) = ExternalIDHash.hash(idempotencyKey)
        return "fw.\(hex(high))\(hex(low))@\(domain)"
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
