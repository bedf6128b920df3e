/// Addresses that must not (or only for some classes may) be contacted, per channel.
///
/// Addresses are normalised (e-mail: trimmed and lower-cased; phone: digits and a leading `+` only), so
/// `Anna@Example.com ` and `anna@example.com` are the same entry. The strongest reason wins when an address
/// is added twice.
public struct SuppressionList: Hashable, Sendable {
    private var entries: [Key: SuppressionReason] = [:]

    private struct Key: Hashable, Sendable {
        var channel: Channel
        var address: String
    }

    public init() {}

    public var count: Int { entries.count }

    public mutating func add(_ address: String, channel: Channel, reason: SuppressionReason) {
        let key = Key(channel: channel, address: SuppressionList.normalise(address, channel))
        if let existing = entries[key], SuppressionList.strength(existing) >= SuppressionList.strength(reason) {
            return
        }
        entries[key] = reason
    }

    public mutating func remove(_ address: String, channel: Channel) {
        entries[Key(channel: channel, address: SuppressionList.normalise(address, channel))] = nil
    }

    /// The reason the address is suppressed, or `nil`.
    public func reason(for address: String, channel: Channel) -> SuppressionReason? {
        entries[Key(channel: channel, address: SuppressionList.normalise(address, channel))]
    }

    static func normalise(_ address: String, _ channel: Channel) -> String {
        switch channel {
        case .email:
            return String(address.unicodeScalars.filter { !$0.properties.isWhitespace }).lowercased()
        case .sms:
            var out = ""
            for (index, c) in address.enumerated() where c.isASCII && (c.isNumber || (c == "+" && index == 0)) {
                out.append(c)
            }
            return out
        }
    }

    private static func strength(_ reason: SuppressionReason) -> Int {
        MessageClass.allCases.filter { reason.blocks($0) }.count
    }
}
