import Foundation

/// Reads a snapshot `SnapshotWriter` wrote; every read checks the bounds and throws
/// `EnrolmentSnapshotError` on a truncated or unknown value instead of trapping.
struct SnapshotReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws(EnrolmentSnapshotError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bool() throws(EnrolmentSnapshotError) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw .unknownValue("flag")
        }
    }

    mutating func int64() throws(EnrolmentSnapshotError) -> Int64 {
        guard bytes.count - offset >= 8 else { throw .truncated }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return Int64(bitPattern: value)
    }

    mutating func int() throws(EnrolmentSnapshotError) -> Int {
        guard let value = Int(exactly: try int64()) else { throw .unknownValue("integer") }
        return value
    }

    mutating func date() throws(EnrolmentSnapshotError) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(bitPattern: UInt64(bitPattern: try int64())))
    }

    mutating func string() throws(EnrolmentSnapshotError) -> String {
        let count = try int()
        guard count >= 0, bytes.count - offset >= count else { throw .truncated }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    mutating func optionalString() throws(EnrolmentSnapshotError) -> String? {
        try bool() ? try string() : nil
    }

    /// A value of a string-backed enum.
    mutating func raw<Value: RawRepresentable<String>>(_ type: Value.Type, _ what: String) throws(EnrolmentSnapshotError)
        -> Value
    {
        guard let value = Value(rawValue: try string()) else { throw .unknownValue(what) }
        return value
    }
}
