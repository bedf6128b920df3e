import Foundation

/// Streams a file's records in constant memory: reads fixed-size chunks and splits them into records,
/// counting physical lines and byte offsets so an import can report line numbers and resume mid-file.
public struct RecordReader {
    private let handle: FileHandle
    private let layout: RecordLayout
    private var buffer: [UInt8] = []
    private var position = 0
    private var bufferStartOffset: Int64
    private var line: Int
    private var atEOF = false
    private let chunkSize: Int

    /// Opens `path`; when `offset` > 0 reading starts there, with `line` the line number found at that offset.
    public init(path: String, layout: RecordLayout, offset: Int64 = 0, line: Int = 1, chunkSize: Int = 1 << 20) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportFileError("cannot open \(path): no such file or no permission to read it")
        }
        self.handle = handle
        self.layout = layout
        self.bufferStartOffset = offset
        self.line = line
        self.chunkSize = chunkSize
        if offset > 0 { try handle.seek(toOffset: UInt64(offset)) }
        try fill()
        if offset == 0 { try checkEncodingAtStart() }
    }

    /// Rejects encodings the importer cannot read, and skips a UTF-8 byte-order mark.
    private mutating func checkEncodingAtStart() throws {
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
        } else if buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) {
            throw ImportFileError("the file is UTF-16 encoded; save it as UTF-8 (CSV UTF-8) and import again")
        }
        if buffer.prefix(4096).contains(0) {
            throw ImportFileError("the file contains NUL bytes: it is binary or UTF-16, not a UTF-8 text file")
        }
    }

    /// Reads the next record into `record`; false at the end of the file. Blank lines are skipped.
    public mutating func next(into record: inout Record) throws -> Bool {
        while true {
            guard try ensureData() else { return false }
            record.reset(line: line)
            switch layout {
            case .whitespace: try readWhitespaceRecord(into: &record)
            case .delimited(let separator): try readDelimitedRecord(separator: separator, into: &record)
            }
            record.endOffset = bufferStartOffset + Int64(position)
            record.nextLine = line
            let blank = record.malformation == nil && (record.ranges.isEmpty || (record.ranges.count == 1 && record.ranges[0].isEmpty))
            if !blank { return true }
        }
    }

    /// The offset after the last record returned.
    public var offset: Int64 { bufferStartOffset + Int64(position) }

    // MARK: - Buffering

    private mutating func fill() throws {
        if position > 0 {
            buffer.removeFirst(position)
            bufferStartOffset += Int64(position)
            position = 0
        }
        guard !atEOF else { return }
        let data = try handle.read(upToCount: chunkSize) ?? Data()
        if data.isEmpty { atEOF = true } else { buffer.append(contentsOf: data) }
    }

    private mutating func ensureData() throws -> Bool {
        if position < buffer.count { return true }
        try fill()
        return position < buffer.count
    }

    /// The byte at `position`, reading more of the file when needed; `nil` at the end of the file.
    @inline(__always)
    private mutating func peek() throws -> UInt8? {
        if position < buffer.count { return buffer[position] }
        try fill()
        return position < buffer.count ? buffer[position] : nil
    }

    // MARK: - Layouts

    private mutating func readWhitespaceRecord(into record: inout Record) throws {
        var fieldStart: Int? = nil
        while let byte = try peek() {
            position += 1
            switch byte {
            case 0x0A:
                line += 1
                if let start = fieldStart { record.ranges.append(start..<record.storage.count) }
                return
            case 0x20, 0x09, 0x0D:
                if let start = fieldStart { record.ranges.append(start..<record.storage.count) }
                fieldStart = nil
            default:
                if fieldStart == nil { fieldStart = record.storage.count }
                record.storage.append(byte)
            }
        }
        if let start = fieldStart { record.ranges.append(start..<record.storage.count) }
    }

    private mutating func readDelimitedRecord(separator: UInt8, into record: inout Record) throws {
        let quote = UInt8(ascii: "\"")
        var fieldStart = 0
        var inQuotes = false
        var afterClosingQuote = false
        var atFieldStart = true
        while let byte = try peek() {
            position += 1
            if inQuotes {
                if byte == quote {
                    if try peek() == quote {
                        position += 1
                        record.storage.append(quote)
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    record.storage.append(byte)
                }
                continue
            }
            switch byte {
            case separator:
                record.ranges.append(fieldStart..<record.storage.count)
                fieldStart = record.storage.count
                atFieldStart = true
                afterClosingQuote = false
                continue
            case 0x0A:
                line += 1
                if record.storage.last == 0x0D && !afterClosingQuote { record.storage.removeLast() }
                record.ranges.append(fieldStart..<record.storage.count)
                return
            case 0x0D where afterClosingQuote:
                continue
            case quote where atFieldStart:
                inQuotes = true
            default:
                if afterClosingQuote && record.malformation == nil {
                    record.malformation = "field \(record.ranges.count + 1) has text after its closing quote"
                }
                record.storage.append(byte)
                // The rest of a run of ordinary bytes is copied at once rather than byte by byte; the run
                // stops before anything the cases above treat specially (separator, line feed, carriage
                // return, quote), which then goes through the switch as before.
                if !afterClosingQuote {
                    var end = position
                    let count = buffer.count
                    while end < count {
                        let next = buffer[end]
                        if next == separator || next == 0x0A || next == 0x0D || next == quote { break }
                        end += 1
                    }
                    if end > position {
                        record.storage.append(contentsOf: buffer[position..<end])
                        position = end
                    }
                }
            }
            atFieldStart = false
        }
        if inQuotes { record.malformation = "a quoted field is not closed before the end of the file" }
        if record.storage.last == 0x0D && !afterClosingQuote { record.storage.removeLast() }
        record.ranges.append(fieldStart..<record.storage.count)
    }
}
