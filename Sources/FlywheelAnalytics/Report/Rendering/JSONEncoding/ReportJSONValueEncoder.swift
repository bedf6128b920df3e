import Foundation

/// The `Encoder` one value is encoded with: it holds what the value encoded (one value, or one keyed or
/// unkeyed container) and is its own single-value container. A nested value gets an encoder of its own,
/// which knows its parent and key only to tell the coding path in an error; a nested container asked for
/// again under the same key starts from the one already there (`value`), as with `JSONEncoder`.
final class ReportJSONValueEncoder: Encoder {
    let keys: SnakeCaseKeys
    private let parent: ReportJSONValueEncoder?
    private let key: (any CodingKey)?
    private(set) var value: PendingJSON?

    init(keys: SnakeCaseKeys, parent: ReportJSONValueEncoder?, key: (any CodingKey)?, value: PendingJSON? = nil) {
        self.keys = keys
        self.parent = parent
        self.key = key
        self.value = value
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var encoder: ReportJSONValueEncoder? = self
        while let current = encoder {
            if let key = current.key { path.append(key) }
            encoder = current.parent
        }
        return path.reversed()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: PendingJSONObject
        switch value {
        case .object(let existing): object = existing
        case nil:
            object = PendingJSONObject()
            value = .object(object)
        default: preconditionFailure("Attempt to push a keyed container where a value was already encoded at \(codingPath).")
        }
        return KeyedEncodingContainer(ReportJSONKeyedContainer<Key>(encoder: self, object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: PendingJSONArray
        switch value {
        case .array(let existing): array = existing
        case nil:
            array = PendingJSONArray()
            value = .array(array)
        default: preconditionFailure("Attempt to push an unkeyed container where a value was already encoded at \(codingPath).")
        }
        return ReportJSONUnkeyedContainer(encoder: self, array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    /// What `value` encodes to, as an element or member of this encoder's container under `key`.
    func pending<T: Encodable>(_ value: T, key: any CodingKey) throws -> PendingJSON {
        let nested = ReportJSONValueEncoder(keys: keys, parent: self, key: key)
        try nested.encodeValue(value)
        return nested.value ?? .object(PendingJSONObject())
    }

    /// A floating-point number as `JSONEncoder` writes it: its shortest round-trip text without a
    /// trailing `.0`.
    func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ float: F, key: (any CodingKey)?) throws -> PendingJSON {
        guard float.isFinite else {
            let path = codingPath + (key.map { [$0] } ?? [])
            throw EncodingError.invalidValue(
                float, EncodingError.Context(codingPath: path, debugDescription: "Unable to encode \(F.self).\(float) directly in JSON."))
        }
        var text = float.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }

    /// Encodes `value` into this encoder. The types `JSONEncoder` writes its own way are recognised by type
    /// (not by a cast): a date as ISO 8601 text, data as Base64, a URL as its absolute string, a decimal as
    /// its description; anything else encodes itself.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == Date.self {
            set(.string((value as! Date).formatted(.iso8601)))
        } else if T.self == Data.self {
            set(.string((value as! Data).base64EncodedString()))
        } else if T.self == URL.self {
            set(.string((value as! URL).absoluteString))
        } else if T.self == Decimal.self {
            set(.number((value as! Decimal).description))
        } else {
            try value.encode(to: self)
        }
    }

    private var isEmpty: Bool {
        if case .none = value { true } else { false }
    }

    fileprivate func set(_ newValue: PendingJSON) {
        precondition(isEmpty, "Attempt to encode a value through a single value container when a value was already encoded at \(codingPath).")
        value = newValue
    }
}

extension ReportJSONValueEncoder: SingleValueEncodingContainer {
    func encodeNil() throws { set(.null) }
    func encode(_ value: Bool) throws { set(.bool(value)) }
    func encode(_ value: String) throws { set(.string(value)) }
    func encode(_ value: Double) throws { set(try number(value, key: nil)) }
    func encode(_ value: Float) throws { set(try number(value, key: nil)) }
    func encode(_ value: Int) throws { set(.number(value.description)) }
    func encode(_ value: Int8) throws { set(.number(value.description)) }
    func encode(_ value: Int16) throws { set(.number(value.description)) }
    func encode(_ value: Int32) throws { set(.number(value.description)) }
    func encode(_ value: Int64) throws { set(.number(value.description)) }
    func encode(_ value: UInt) throws { set(.number(value.description)) }
    func encode(_ value: UInt8) throws { set(.number(value.description)) }
    func encode(_ value: UInt16) throws { set(.number(value.description)) }
    func encode(_ value: UInt32) throws { set(.number(value.description)) }
    func encode(_ value: UInt64) throws { set(.number(value.description)) }
    func encode<T: Encodable>(_ value: T) throws {
        precondition(isEmpty, "Attempt to encode a value through a single value container when a value was already encoded at \(codingPath).")
        try encodeValue(value)
    }
}
