public import FlywheelCore
public import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a plain-CSV order history for analysis only, fast: the file is cut at line boundaries into pieces,
/// the pieces are parsed concurrently (one per core at a time) from their bytes straight into
/// `OrderColumns`, and handed back in file order, so the result does not depend on timing.
///
/// ```swift
/// let reader = ColumnarHistoryReader(path: "sim.csv", format: .csv, shop: settings)
/// switch try reader.read() {
/// case .read(let history): table.add(history.pieces, batchSize: 10_000)
/// case .needsFullReader(let reason): …           // OrderHistoryReader, with its rejections
/// }
/// ```
///
/// Only files whose every row the importer would accept as it is are read this way; a file with a row it
/// would reject (or that needs CSV quoting, or another format than `csv`) is `needsFullReader`, and the caller
/// reads it with `OrderHistoryReader`, which reports the rejections. So the two paths never differ in what
/// they accept. Pieces end where the customer id changes from one line to the next, so no order (adjacent
/// rows with one `order_id`) and no run of `csv:<customer>:<time>:<n>` keys is split.
public struct ColumnarHistoryReader: Sendable {
    /// The file read.
    public let path: String
    /// Its layout (only `csv` is read this way).
    public let format: ImportFormat
    /// The currency of amounts the file does not name.
    public let currency: CurrencyCode
    let calendar: ShopCalendar
    let now: Date
    /// The size of a piece; the file is cut into about this many bytes per piece.
    let pieceSize: Int

    /// What a read gave.
    public enum Outcome: Sendable {
        /// The file's orders, in file order.
        case read(ColumnarHistory)
        /// The file needs the full reader (`OrderHistoryReader`), for this reason.
        case needsFullReader(reason: String)
    }

    /// A reader of `path`; `shop`, `currency` and `now` mean what they mean for `OrderHistoryReader`.
    public init(
        path: String, format: ImportFormat, shop: ShopSettings = .defaults, currency: CurrencyCode? = nil,
        now: Date = Date(), pieceSize: Int = 32 << 20
    ) {
        self.path = path
        self.format = format
        self.currency = currency ?? format.defaultCurrency(shop: shop)
        self.calendar = shop.calendar
        self.now = now
        self.pieceSize = max(pieceSize, 4096)
    }

    /// Reads the whole file into pieces of columns, or says why it needs the full reader. `progress` hears
    /// the fraction of pieces parsed (from any thread). Throws `ImportFileError` when the file cannot be read.
    public func read(progress: @Sendable (Double) -> Void = { _ in }) throws -> Outcome {
        guard format == .csv else { return .needsFullReader(reason: "only the csv format is read in columns") }
        let file = try ChunkFile(path: path)
        defer { file.close() }
        guard file.size > 0 else { return .needsFullReader(reason: "the file is empty") }
        // The header, read as the importer reads it.
        var records = try RecordReader(path: path, layout: .csv)
        var header = Record()
        guard try records.next(into: &header) else { return .needsFullReader(reason: "the file has no rows") }
        var format = PlainCSVFormat(defaultCurrency: currency, calendar: calendar, now: now)
        do {
            _ = try format.readHeader(header)
        } catch {
            return .needsFullReader(reason: "the header: \(error.message)")
        }
        if header.malformation != nil { return .needsFullReader(reason: "the header is malformed") }
        let head = try file.read(offset: 0, count: min(4096, Int(file.size)))
        if head.contains(0) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return .needsFullReader(reason: "the file is not UTF-8 text")
        }
        let parser = PlainCSVChunkParser(
            columns: format.columns, defaultCurrency: currency, calendar: calendar,
            latestAllowed: now.addingTimeInterval(86_400))
        guard let pieces = try cut(file, from: header.endOffset, customerColumn: format.columns.customer) else {
            return .needsFullReader(reason: "a row has a quote where the file is cut")
        }

        let results = Mutex<[Result<PlainCSVChunkParser.Chunk, PlainCSVChunkParser.Irregular>?]>(
            Array(repeating: nil, count: pieces.count))
        let readFailure = Mutex<(any Error)?>(nil)
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            let piece = pieces[index]
            let result: Result<PlainCSVChunkParser.Chunk, PlainCSVChunkParser.Irregular>
            do {
                let bytes = try file.read(offset: piece.lowerBound, count: Int(piece.upperBound - piece.lowerBound))
                result = bytes.withUnsafeBufferPointer { buffer in
                    Result { () throws(PlainCSVChunkParser.Irregular) in try parser.parse(buffer) }
                }
            } catch {
                readFailure.withLock { $0 = $0 ?? error }
                return
            }
            results.withLock { $0[index] = result }
            let finished = done.add(1, ordering: .relaxed).newValue
            progress(Double(finished) / Double(pieces.count))
        }
        if let failure = readFailure.withLock({ $0 }) { throw failure }

        var chunks = results.withLock { results in
            defer { results = [] }
            return results
        }
        // Check the whole file before handing anything over.
        var sawNamed = false
        var sawAnonymous = false
        var previousLastKey: (UInt64, UInt64)?
        for chunk in chunks {
            switch chunk {
            case .success(let chunk)?:
                sawNamed = sawNamed || chunk.sawNamed
                sawAnonymous = sawAnonymous || chunk.sawAnonymous
                let orders = chunk.orders
                guard orders.count > 0 else { continue }
                if let previous = previousLastKey, previous == (orders.keyHigh[0], orders.keyLow[0]) {
                    return .needsFullReader(reason: "one order id on two customers")
                }
                previousLastKey = (orders.keyHigh[orders.count - 1], orders.keyLow[orders.count - 1])
            case .failure(let irregular)?:
                return .needsFullReader(reason: irregular.reason)
            case nil:
                return .needsFullReader(reason: "a piece was not read")
            }
        }
        if sawNamed && sawAnonymous {
            return .needsFullReader(reason: "rows with and without order_id are mixed")
        }
        var history = ColumnarHistory()
        history.pieces.reserveCapacity(chunks.count)
        for index in chunks.indices {
            guard case .success(let chunk)? = chunks[index] else { continue }
            chunks[index] = nil
            history.rowsRead += chunk.rows
            history.orderCount += chunk.orders.count
            history.lineItemCount += chunk.orders.lineSKU.count
            history.customerRecords += chunk.orders.namesEmail.reduce(0) { $0 + ($1 ? 1 : 0) }
            history.pieces.append(chunk.orders)
        }
        return .read(history)
    }

    /// Byte ranges of the pieces: from `start` to the end, cut about every `pieceSize` bytes at the start
    /// of a line whose customer id differs from the line before's. `nil` when a line near a cut has a quote.
    private func cut(_ file: ChunkFile, from start: Int64, customerColumn: Int) throws -> [Range<Int64>]? {
        var cuts: [Int64] = [start]
        var nominal = start + Int64(pieceSize)
        while nominal < file.size {
            let window = try file.read(offset: nominal, count: Int(min(Int64(256 << 10), file.size - nominal)))
            guard let found = Self.customerChange(in: window, customerColumn: customerColumn) else {
                if window.contains(0x22) { return nil }
                nominal += Int64(pieceSize)
                continue
            }
            let cut = nominal + Int64(found)
            if cut > cuts.last! && cut < file.size { cuts.append(cut) }
            nominal = cut + Int64(pieceSize)
        }
        cuts.append(file.size)
        return zip(cuts, cuts.dropFirst()).map { $0..<$1 }.filter { !$0.isEmpty }
    }

    /// The offset in `window` of the first line start (after the window's first line feed) whose customer
    /// field differs from the previous non-blank line's.
    static func customerChange(in window: [UInt8], customerColumn: Int) -> Int? {
        guard var lineStart = window.firstIndex(of: 0x0A).map({ $0 + 1 }) else { return nil }
        var previous: ArraySlice<UInt8>?
        while lineStart < window.count {
            guard let lineEnd = window[lineStart...].firstIndex(of: 0x0A) else { return nil }
            var line = window[lineStart..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            if line.contains(0x22) { return nil }
            if !line.isEmpty {
                var customer = line.split(separator: 0x2C, maxSplits: customerColumn + 1, omittingEmptySubsequences: false)
                    .dropFirst(customerColumn).first ?? []
                // Trimmed as the parser trims it, so a cut never falls between two lines of one customer.
                while customer.first == 0x20 { customer = customer.dropFirst() }
                while customer.last == 0x20 { customer = customer.dropLast() }
                if let previous, previous != customer { return lineStart }
                previous = customer
            }
            lineStart = lineEnd + 1
        }
        return nil
    }
}

/// What a columnar read gave: the file's orders as `OrderColumns`, one per piece, in file order
/// (`OrderTable.add(_:batchSize:)` takes them), and what was read.
public struct ColumnarHistory: Sendable {
    /// The pieces' orders, in file order.
    public var pieces: [OrderColumns] = []
    /// Data rows read.
    public var rowsRead = 0
    /// Orders read (rows of one order counted once).
    public var orderCount = 0
    /// Line items read (one per row).
    public var lineItemCount = 0
    /// Orders whose rows gave an e-mail: the `Customer` records the importer would have read with them.
    public var customerRecords = 0
}

/// A file opened for reading at offsets (`pread`), from several threads at once.
struct ChunkFile: @unchecked Sendable {
    let descriptor: Int32
    let size: Int64
    let path: String

    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ImportFileError("cannot open \(path): no such file or no permission to read it")
        }
        let end = lseek(descriptor, 0, SEEK_END)
        self.descriptor = descriptor
        self.size = Int64(max(end, 0))
        self.path = path
    }

    /// `count` bytes from `offset` (fewer at the end of the file).
    func read(offset: Int64, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        return try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let n = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset) + off_t(done))
                if n < 0 { throw ImportFileError("cannot read \(path) at byte \(offset + Int64(done))") }
                if n == 0 { break }
                done += n
            }
            initialized = done
        }
    }

    func close() {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }
}
