import FlywheelCore

/// The Message-ID of an outbox e-mail, derived from its idempotency key: every attempt, a resend after a
/// crash included, carries the same Message-ID, so the receiving side (and we) can recognise a duplicate.
public enum OutboxMessageID {
    /// `fw.<32 hex digits>@<domain>`: 128 bits of a stable hash of the key (Core's
    /// `ExternalIDHash`), so the key itself (which names an enrolment) is not shown to the recipient.
    public static func make(idempotencyKey: String, domain: String) -> String {
        let (high, low) = ExternalIDHash.hash(idempotencyKey)
        return "fw.\(HexDigits.padded(high, digits: 16))\(HexDigits.padded(low, digits: 16))@\(domain)"
    }
}
