/// A JSON array's elements, in the order encoded.
struct ReportJSONUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: ReportJSONValueEncoder
    let array: PendingJSONArray

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.elements.count }

    /// The key of the next element, for a coding path.
    private var nextKey: ElementKey { ElementKey(intValue: count) }

    private func append(_ value: PendingJSON) { array.elements.append(value) }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(try encoder.number(value, key: nextKey)) }
    mutating func encode(_ value: Float) throws { append(try encoder.number(value, key: nextKey)) }
    mutating func encode(_ value: Int) throws { append(.number(value.description)) }
    mutating func encode(_ value: Int8) throws { append(.number(value.description)) }
    mutating func encode(_ value: Int16) throws { append(.number(value.description)) }
    mutating func encode(_ value: Int32) throws { append(.number(value.description)) }
    mutating func encode(_ value: Int64) throws { append(.number(value.description)) }
    mutating func encode(_ value: UInt) throws { append(.number(value.description)) }
    mutating func encode(_ value: UInt8) throws { append(.number(value.description)) }
    mutating func encode(_ value: UInt16) throws { append(.number(value.description)) }
    mutating func encode(_ value: UInt32) throws { append(.number(value.description)) }
    mutating func encode(_ value: UInt64) throws { append(.number(value.description)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try encoder.pending(value, key: nextKey))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ReportJSONValueEncoder(keys: encoder.keys, parent: encoder, key: nextKey)
        let container = nested.container(keyedBy: keyType)
        if let value = nested.value { append(value) }
        return container
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ReportJSONValueEncoder(keys: encoder.keys, parent: encoder, key: nextKey)
        let container = nested.unkeyedContainer()
        if let value = nested.value { append(value) }
        return container
    }

    mutating func superEncoder() -> any Encoder {
        preconditionFailure("The report's JSON encoder does not encode superclasses (\(codingPath)).")
    }

    /// An element's position as a coding key.
    struct ElementKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }
}
