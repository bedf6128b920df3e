import Crypto
public import FlywheelCore
public import Foundation

/// The digest the suppression list keys addresses by: SHA-256 (hex) of the channel and the normalised
/// address (`SuppressionEntry.normalise`). Unkeyed on purpose: it must stay the same when the link secret
/// changes, and an erased address must still be recognised when the shop sends it again (docs/consent.md).
public enum AddressDigest {
    /// The digest of `address` on `channel`.
    public static func of(_ address: String, channel: ConsentChannel) -> String {
        let input = "flywheel-suppression\u{0}\(channel.rawValue)\u{0}\(SuppressionEntry.normalise(address, channel))"
        return SHA256.hash(data: Data(input.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A suppression entry for `address`: with the address in clear, or digest-only for `erased`.
    public static func entry(
        _ address: String, channel: ConsentChannel, cause: SuppressionCause, source: ConsentSource, at date: Date
    ) -> SuppressionEntry {
        SuppressionEntry(
            channel: channel, addressHash: of(address, channel: channel), address: cause == .erased ? nil : address,
            cause: cause, source: source, suppressedAt: date)
    }
}
