/// One record of an input file: its fields as unescaped UTF-8 bytes, where it starts and where it ends.
///
/// The reader reuses one `Record`, so a record's storage must not be kept past the next read.
public struct Record: Sendable {
    /// The bytes of all fields, one after another.
    public internal(set) var storage: [UInt8] = []
    /// Where each field lies in `storage`.
    public internal(set) var ranges: [Range<Int>] = []
    /// The physical line (1-based) on which the record starts.
    public internal(set) var line = 0
    /// The byte offset just after the record (its line ending included): where reading resumes.
    public internal(set) var endOffset: Int64 = 0
    /// The physical line on which the next record starts (where a resumed import counts on from).
    public internal(set) var nextLine = 0
    /// Why the record could not be split into fields (e.g. a quote left open), if it could not.
    public internal(set) var malformation: String?

    public init() {}

    public var count: Int { ranges.count }

    /// The raw bytes of field `index`.
    public func bytes(_ index: Int) -> ArraySlice<UInt8> { storage[ranges[index]] }

    /// The field as text, or `nil` when its bytes are not valid UTF-8.
    public func string(_ index: Int) -> String? {
        let slice = storage[ranges[index]]
        return slice.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
    }

    /// True when field `index` has no bytes or only spaces.
    public func isBlank(_ index: Int) -> Bool { bytes(index).allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    mutating func reset(line: Int) {
        storage.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        self.line = line
        malformation = nil
    }
}
