/// A JSON object's members, keyed by the snake_case form of the coding keys.
struct ReportJSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ReportJSONValueEncoder
    let object: PendingJSONObject

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: PendingJSON, for key: Key) {
        object.members[encoder.keys(key.stringValue)] = value
    }

    mutating func encodeNil(forKey key: Key) throws { set(.null, for: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), for: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), for: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try encoder.number(value, key: key), for: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try encoder.number(value, key: key), for: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.number(value.description), for: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.number(value.description), for: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.number(value.description), for: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.number(value.description), for: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.number(value.description), for: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(.number(value.description), for: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.number(value.description), for: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.number(value.description), for: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.number(value.description), for: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.number(value.description), for: key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try encoder.pending(value, key: key), for: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = nestedEncoder(forKey: key)
        let container = nested.container(keyedBy: keyType)
        set(nested.value!, for: key)
        return container
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = nestedEncoder(forKey: key)
        let container = nested.unkeyedContainer()
        set(nested.value!, for: key)
        return container
    }

    /// An encoder for the member under `key`, holding what is there already.
    private func nestedEncoder(forKey key: Key) -> ReportJSONValueEncoder {
        ReportJSONValueEncoder(
            keys: encoder.keys, parent: encoder, key: key, value: object.members[encoder.keys(key.stringValue)])
    }

    mutating func superEncoder() -> any Encoder {
        preconditionFailure("The report's JSON encoder does not encode superclasses (\(codingPath)).")
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        preconditionFailure("The report's JSON encoder does not encode superclasses (\(codingPath)).")
    }
}
