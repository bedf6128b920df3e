/// Personal referral codes: derived from a secret and the customer id (stable, nothing to store), or drawn
/// with a random-number generator.
///
/// The derived code is a keyed 64-bit hash (FNV-1a over secret and id, then a SplitMix64 finaliser) in
/// Crockford's base 32: stable and hard to guess without the secret, but not a cryptographic MAC — a leaked
/// secret lets codes be computed. Codes carry no customer data.
public enum ReferralCode {
    /// Crockford's base 32 (no I, L, O, U).
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// `prefix` + 8 characters derived from `secret` and `customer`.
    public static func derived(for customer: String, secret: String, prefix: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in secret.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        hash = (hash ^ 0xff) &* 0x100_0000_01b3  // separator: ("ab","c") ≠ ("a","bc")
        for byte in customer.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        var mixer = SplitMix64(seed: hash)
        return prefix + encode(mixer.next())
    }

    /// `prefix` + 8 random characters drawn with `generator`.
    public static func random(prefix: String, using generator: inout some RandomNumberGenerator) -> String {
        prefix + encode(generator.next())
    }

    /// 8 base-32 characters (40 bits) of `value`.
    static func encode(_ value: UInt64) -> String {
        var text = ""
        var rest = value
        for _ in 0..<8 {
            text.append(alphabet[Int(rest & 31)])
            rest >>= 5
        }
        return text
    }
}
