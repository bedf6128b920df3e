public import Foundation

/// An address on the suppression list: keyed by channel and the address's digest (`addressHash`, made by
/// the adapter from the normalised address), with the address itself except for erased customers.
public struct SuppressionEntry: Hashable, Sendable {
    public var channel: ConsentChannel
    /// A digest of `SuppressionEntry.normalise(address, channel)` (hex; the server's `AddressDigest`).
    public var addressHash: String
    /// The normalised address; `nil` once its customer was erased (only the digest is kept).
    public var address: String?
    public var cause: SuppressionCause
    public var source: ConsentSource
    public var suppressedAt: Date

    public init(
        channel: ConsentChannel, addressHash: String, address: String?, cause: SuppressionCause, source: ConsentSource,
        suppressedAt: Date
    ) {
        self.channel = channel
        self.addressHash = addressHash
        self.address = address.map { SuppressionEntry.normalise($0, channel) }
        self.cause = cause
        self.source = source
        self.suppressedAt = Date(timeIntervalSince1970: (suppressedAt.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// An address as the list keys it (the same rule as `FlywheelFlows.SuppressionList`): e-mail without
    /// whitespace and lower-cased; a phone number's digits with a leading `+`.
    public static func normalise(_ address: String, _ channel: ConsentChannel) -> String {
        switch channel {
        case .email:
            return String(String.UnicodeScalarView(address.unicodeScalars.filter { !$0.properties.isWhitespace }))
                .lowercased()
        case .sms:
            var out = ""
            for (index, c) in address.enumerated() where c.isASCII && (c.isNumber || (c == "+" && index == 0)) {
                out.append(c)
            }
            return out
        }
    }

    /// The entry to keep when `newer` is added for the same key: the stronger cause wins, an equal one keeps
    /// what is stored. An entry without an address (erased) never gets one back.
    public func merged(with newer: SuppressionEntry) -> SuppressionEntry {
        var kept = newer.cause.strength > cause.strength ? newer : self
        if address == nil || newer.address == nil { kept.address = nil }
        return kept
    }
}
