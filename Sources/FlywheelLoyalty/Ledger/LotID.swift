/// The identity of a points lot: its position in the ledger's lot list.
public struct LotID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The lot's sequence number, starting at 0.
    public var rawValue: Int

    /// The lot with sequence number `rawValue`.
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// Orders lots by creation.
    public static func < (lhs: LotID, rhs: LotID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `lot#N`.
    public var description: String { "lot#\(rawValue)" }
}
