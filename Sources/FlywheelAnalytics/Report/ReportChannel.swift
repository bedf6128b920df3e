/// One marketing channel's acquisition over the whole history: spend, customers acquired through it, CAC
/// and their historical LTV (with margin) against it. Money in minor units.
public struct ReportChannel: Hashable, Codable, Sendable {
    /// The channel; `nil`: first purchases naming none.
    public var channel: String?
    public var spendMinor: Int64
    public var newCustomers: Int
    /// spend ÷ new customers; `nil` without new customers (or for the no-channel row).
    public var cacMinor: Int64?
    /// The acquired customers' LTV (AOV × orders × margin).
    public var ltvMinor: Int64?
    /// LTV ÷ CAC (the seeds' target: at least 3); `nil` when either is missing.
    public var ltvToCac: Double?

    init(_ row: ChannelAcquisition) {
        channel = row.channel
        spendMinor = row.spendMinor
        newCustomers = row.newCustomers
        cacMinor = row.cacMinor
        ltvMinor = row.ltvMinor
        ltvToCac = row.ltvToCAC
    }
}

extension ReportChannel {
    /// Encodes every key, a missing figure as `null`, so the JSON report's keys are the same whatever the
    /// data.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(channel, forKey: .channel)
        try container.encode(spendMinor, forKey: .spendMinor)
        try container.encode(newCustomers, forKey: .newCustomers)
        try container.encode(cacMinor, forKey: .cacMinor)
        try container.encode(ltvMinor, forKey: .ltvMinor)
        try container.encode(ltvToCac, forKey: .ltvToCac)
    }
}
