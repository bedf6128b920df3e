import PostgresNIO

/// A one-dimensional PostgreSQL array whose elements may be NULL, in PostgreSQL's binary array format.
///
/// PostgresNIO encodes and decodes `[Element]` but not `[Element?]`. Flywheel binds a batch's column as one
/// array (`INSERT … SELECT … FROM unnest($1::text[], $2::bigint[], …)`), and optional fields are NULL in
/// places; it also reads an order's lines back as arrays (`array_agg`), where a line's SKU may be NULL.
struct NullableArray<Element: PostgresArrayEncodable & PostgresNonThrowingEncodable>: Sendable
where Element: Sendable {
    var elements: [Element?]

    init(_ elements: [Element?] = []) { self.elements = elements }

    init(minimumCapacity: Int) {
        elements = []
        elements.reserveCapacity(minimumCapacity)
    }

    mutating func append(_ element: Element?) { elements.append(element) }
}

extension NullableArray: PostgresNonThrowingEncodable {
    static var psqlType: PostgresDataType { Element.psqlArrayType }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(
        into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        // Header: dimensions, "has NULLs" flag, element type; then the dimension's length and lower bound.
        buffer.writeInteger(elements.isEmpty ? 0 : 1, as: Int32.self)
        buffer.writeInteger(elements.contains { $0 == nil } ? 1 : 0, as: Int32.self)
        buffer.writeInteger(Element.psqlType.rawValue)
        guard !elements.isEmpty else { return }
        buffer.writeInteger(Int32(elements.count))
        buffer.writeInteger(1, as: Int32.self)
        for element in elements {
            guard let element else {
                buffer.writeInteger(-1, as: Int32.self)
                continue
            }
            let lengthIndex = buffer.writerIndex
            buffer.writeInteger(0, as: Int32.self)
            let start = buffer.writerIndex
            element.encode(into: &buffer, context: context)
            buffer.setInteger(Int32(buffer.writerIndex - start), at: lengthIndex)
        }
    }
}

extension NullableArray: PostgresDecodable where Element: PostgresDecodable, Element._DecodableType == Element {
    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        // The elements' own decoder checks their type.
        guard format == .binary else { throw PostgresDecodingError.Code.typeMismatch }
        guard let dimensions = buffer.readInteger(as: Int32.self), buffer.readInteger(as: Int32.self) != nil,
            let elementType = buffer.readInteger(as: UInt32.self)
        else { throw PostgresDecodingError.Code.failure }
        guard dimensions != 0 else {
            elements = []
            return
        }
        guard dimensions == 1, let count = buffer.readInteger(as: Int32.self), count >= 0,
            buffer.readInteger(as: Int32.self) != nil
        else { throw PostgresDecodingError.Code.failure }
        var elements: [Element?] = []
        elements.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let length = buffer.readInteger(as: Int32.self) else { throw PostgresDecodingError.Code.failure }
            guard length >= 0 else {
                elements.append(nil)
                continue
            }
            guard var slice = buffer.readSlice(length: Int(length)) else { throw PostgresDecodingError.Code.failure }
            elements.append(
                try Element(from: &slice, type: PostgresDataType(elementType), format: .binary, context: context))
        }
        self.elements = elements
    }
}
