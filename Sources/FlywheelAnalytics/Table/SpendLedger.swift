/// Marketing spend per channel and month (shop currency, minor units); a record for the same channel and
/// month replaces the earlier one, as in the store.
public struct SpendLedger: Hashable, Sendable {
    struct Key: Hashable, Sendable {
        var channel: Int32
        var month: Int32
    }

    private(set) var amounts: [Key: Int64] = [:]

    /// No spend.
    public init() {}

    /// Records the spend of `channel` (an interned channel index) in `month` (months since January 1900).
    mutating func set(channel: Int32, month: Int, amountMinor: Int64) {
        amounts[Key(channel: channel, month: Int32(month))] = amountMinor
    }

    /// The spend per channel over the months `months` (months since January 1900).
    func spendByChannel(months: Range<Int>) -> [Int32: Int64] {
        var result: [Int32: Int64] = [:]
        for (key, amount) in amounts where months.contains(Int(key.month)) {
            result[key.channel, default: 0] += amount
        }
        return result
    }

    /// Whether any spend is recorded.
    var isEmpty: Bool { amounts.isEmpty }
}
