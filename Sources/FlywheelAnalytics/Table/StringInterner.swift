/// Distinct strings (channels, categories, SKUs) numbered in order of first appearance, so columns hold a
/// 4-byte index instead of a string per order.
public struct StringInterner: Hashable, Sendable {
    /// The strings, by index.
    public private(set) var values: [String] = []
    private var indexes: [String: Int32] = [:]

    /// An empty table.
    public init() {}

    /// The number of distinct strings.
    public var count: Int { values.count }

    /// The index of `value`, adding it when new; `-1` for `nil`.
    mutating func intern(_ value: String?) -> Int32 {
        guard let value else { return -1 }
        if let index = indexes[value] { return index }
        let index = Int32(values.count)
        values.append(value)
        indexes[value] = index
        return index
    }

    /// The index of `value` when it was seen, else `nil`.
    public func index(of value: String) -> Int32? { indexes[value] }

    /// The string at `index`, `nil` for `-1`.
    public func value(at index: Int32) -> String? { index < 0 ? nil : values[Int(index)] }
}
