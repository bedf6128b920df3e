public import FlywheelCore
public import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a plain-CSV order history for analysis only, fast: the file is cut at line boundaries into pieces,
/// the pieces are parsed concurrently (on every core) from their bytes straight into `OrderColumns`, and
/// handed over in file order as they are ready, so the result does not depend on timing.
///
/// ```swift
/// let reader = ColumnarHistoryReader(path: "sim.csv", format: .csv, shop: settings)
/// var loader = OrderColumnsLoader(batchSize: 10_000)
/// switch try reader.read(into: { piece, _ in loader.add(piece, to: &table) }) {
/// case .read(let summary): loader.finish(&table)
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
    /// Its layout (`csv`, `cdnow` and `cdnow-sample` are read this way: `readsInColumns`).
    public let format: ImportFormat
    /// The currency of amounts the file does not name.
    public let currency: CurrencyCode
    let calendar: ShopCalendar
    let now: Date
    /// The size of a piece; the file is cut into about this many bytes per piece.
    let pieceSize: Int

    /// What a read gave.
    public enum Outcome: Sendable {
        /// The whole file was handed over; what was read.
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

    /// Reads the whole file, handing its pieces of columns to `consume` in file order as they are parsed
    /// (with what was read so far: `estimatedOrders` is set from the first piece on), or says why it needs
    /// the full reader — possibly after some pieces were handed over: then the caller drops what it built.
    /// `progress` hears the fraction of pieces handed over. Throws `ImportFileError` when the file cannot
    /// be read.
    public func read(
        progress: (Double) -> Void = { _ in }, into consume: (OrderColumns, ColumnarHistory) throws -> Void
    ) throws -> Outcome {
        if format == .cdnow || format == .cdnowSample { return try readCDNOW(progress: progress, into: consume) }
        guard format == .csv else { return .needsFullReader(reason: "only the csv and CDNOW formats are read in columns") }
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

        // Pieces are parsed on every core, at most `ahead` pieces beyond the one the caller takes next (so
        // memory stays bounded), and handed to `consume` in file order as soon as each is ready.
        let ahead = 2 * max(ProcessInfo.processInfo.activeProcessorCount, 1)
        let board = PieceBoard(count: pieces.count)
        let largest = pieces.map { Int($0.upperBound - $0.lowerBound) }.max() ?? 0
        // Threads of their own, one per core, not `concurrentPerform` on Dispatch's global queue: that pool
        // has one thread per core, and the caller's thread (a Swift concurrency thread, one of them) blocks
        // here while consuming, so the parse ran on one core until Dispatch noticed the blocked thread and
        // added one — about a second of an idle core (docs/performance.md, "Eighth round").
        let workers = DispatchGroup()
        // A mapped file is parsed in place. Otherwise read buffers are reused (one per thread at a time): a
        // fresh 32 MiB buffer per piece costs about as much in page faults as parsing its rows.
        let buffers = Mutex<[ReadBuffer]>([])
        let parse: @Sendable (Int) -> Void = { index in
            let piece = pieces[index]
            let result: Result<PlainCSVChunkParser.Chunk, any Error>
            if let mapped = file.bytes(piece) {
                do {
                    result = .success(try parser.parse(mapped))
                } catch {
                    result = .failure(error)
                }
                file.release(piece)
                board.post(result, at: index)
                return
            }
            let buffer = buffers.withLock { $0.popLast() } ?? ReadBuffer(capacity: largest)
            defer { buffers.withLock { $0.append(buffer) } }
            do {
                let count = Int(piece.upperBound - piece.lowerBound)
                let read = try file.read(
                    offset: piece.lowerBound, into: UnsafeMutableBufferPointer(rebasing: buffer.bytes[0..<count]))
                result = .success(try parser.parse(UnsafeBufferPointer(rebasing: buffer.bytes[0..<read])))
            } catch {
                result = .failure(error)
            }
            board.post(result, at: index)
        }
        for _ in 0..<max(1, min(ProcessInfo.processInfo.activeProcessorCount, pieces.count)) {
            workers.enter()
            let thread = Thread {
                // Pieces are claimed in file order, each at most `ahead` beyond the next one taken.
                while let index = board.claim(ahead: ahead) { parse(index) }
                workers.leave()
            }
            thread.start()
        }
        defer { buffers.withLock { $0.forEach { $0.bytes.deallocate() } } }
        // However this ends, the workers are stopped and waited for before the file and buffers go.
        defer {
            board.cancel()
            workers.wait()
        }

        var history = ColumnarHistory()
        var sawNamed = false
        var sawAnonymous = false
        var previousLastKey: (UInt64, UInt64)?
        for index in pieces.indices {
            let chunk: PlainCSVChunkParser.Chunk
            switch board.take(index) {
            case .success(let parsed): chunk = parsed
            case .failure(let irregular as PlainCSVChunkParser.Irregular):
                return .needsFullReader(reason: irregular.reason)
            case .failure(let error): throw error
            }
            progress(Double(index + 1) / Double(pieces.count))
            sawNamed = sawNamed || chunk.sawNamed
            sawAnonymous = sawAnonymous || chunk.sawAnonymous
            if sawNamed && sawAnonymous { return .needsFullReader(reason: "rows with and without order_id are mixed") }
            let orders = chunk.orders
            if orders.count > 0 {
                if let previous = previousLastKey, previous == (orders.keyHigh[0], orders.keyLow[0]) {
                    return .needsFullReader(reason: "one order id on two customers")
                }
                previousLastKey = (orders.keyHigh[orders.count - 1], orders.keyLow[orders.count - 1])
            }
            if index == 0 {
                // An estimate of the file's orders from its first piece, for the consumer's reservations. With
                // a margin of 15 %: the first customers of a file need not be typical (the simulator's first
                // piece has 6 % fewer orders per byte than the whole file), and a column that outgrows its
                // reservation near the end is copied whole on the consumer's thread while both parsers wait
                // (about a fifth of a second at 10 M orders). Room reserved and never used costs address
                // space, not memory: pages are only taken when written. Customers with a margin of 100 %:
                // a file's first customers are often its oldest, with the most orders each (the simulator's
                // first piece has 1.7 times the average), so 15 % left the customer index to grow and rehash
                // a million ids near the end of the read.
                let share = Double(pieces[0].upperBound - pieces[0].lowerBound) / Double(max(file.size - header.endOffset, 1))
                history.estimatedOrders = Int(Double(orders.count) / max(share, 1e-9) * 1.15) + 16
                history.estimatedLineItems = Int(Double(orders.lineSKU.count) / max(share, 1e-9) * 1.15) + 16
                history.estimatedCustomers = Int(Double(orders.customerIDs.count) / max(share, 1e-9) * 2) + 16
            }
            history.rowsRead += chunk.rows
            history.orderCount += orders.count
            history.lineItemCount += orders.lineSKU.count
            history.customerRecords += orders.namesEmail.reduce(0) { $0 + ($1 ? 1 : 0) }
            try consume(orders, history)
        }
        return .read(history)
    }

    /// Byte ranges of the pieces: from `start` to the end, cut about every `pieceSize` bytes (every quarter
    /// of it in the last four) at the start of a line whose customer id differs from the line before's. `nil` when a line near a cut has a quote.
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
            // The last pieces a quarter of the size: when the parse is done, the consumer still adds the
            // pieces parsed ahead on its own (one core idle), so the pieces left then should be small.
            let taper = file.size - cut <= 4 * Int64(pieceSize)
            nominal = cut + Int64(taper ? max(pieceSize / 4, 1) : pieceSize)
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

/// What a columnar read handed over.
public struct ColumnarHistory: Sendable {
    /// The file's orders and line items, estimated from its first piece (for reservations).
    public var estimatedOrders = 0
    public var estimatedLineItems = 0
    /// The file's distinct customers, estimated from its first piece (each piece's customers counted once).
    public var estimatedCustomers = 0
    /// Data rows read.
    public var rowsRead = 0
    /// Orders read (rows of one order counted once).
    public var orderCount = 0
    /// Line items read (one per row).
    public var lineItemCount = 0
    /// Orders whose rows gave an e-mail: the `Customer` records the importer would have read with them.
    public var customerRecords = 0
}

/// The pieces' results, posted by the workers and taken in order by the reader; a worker waits until its
/// piece is at most `ahead` pieces beyond the next one taken.
private final class PieceBoard: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Result<PlainCSVChunkParser.Chunk, any Error>?]
    private var taken = 0
    private var claimed = 0
    private var cancelled = false

    init(count: Int) { results = Array(repeating: nil, count: count) }

    /// The next piece to parse, in file order, once it is at most `ahead` pieces beyond the next one
    /// taken; `nil` when every piece is claimed or reading was given up.
    func claim(ahead: Int) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard claimed < results.count && !cancelled else { return nil }
        let index = claimed
        claimed += 1
        while index >= taken + ahead && !cancelled { condition.wait() }
        return cancelled ? nil : index
    }

    func post(_ result: Result<PlainCSVChunkParser.Chunk, any Error>, at index: Int) {
        condition.lock()
        results[index] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for piece `index` and takes its result (the next piece may then start).
    func take(_ index: Int) -> Result<PlainCSVChunkParser.Chunk, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        let result = results[index]!
        results[index] = nil
        taken = index + 1
        condition.broadcast()
        return result
    }

    /// Lets waiting workers go without parsing.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

/// A read buffer, handed from thread to thread through a lock.
private struct ReadBuffer: @unchecked Sendable {
    let bytes: UnsafeMutableBufferPointer<UInt8>

    init(capacity: Int) { bytes = .allocate(capacity: max(capacity, 1)) }
}
