import FlywheelCore
import Foundation

extension ColumnarHistoryReader {
    /// Whether files of `format` are read in columns (`read` answers `needsFullReader` for the others).
    public static func readsInColumns(_ format: ImportFormat) -> Bool {
        switch format {
        case .csv, .cdnow, .cdnowSample: true
        case .shopify: false
        }
    }

    /// Reads a CDNOW file (`cdnow`, `cdnow-sample`) with `CDNOWChunkParser`: one parser over the whole file,
    /// since the rows are numbered in file order (the `cdnow:…:<n>` keys count adjacent rows). The file is
    /// mapped (read into memory when it cannot be) and handed over in pieces of `cdnowPieceOrders` orders;
    /// when there are several pieces and two cores or more, the parser runs on a thread of its own
    /// (`CDNOWPieceQueue`) while `consume` loads the pieces before it on the calling thread, in file order
    /// (docs/performance.md, "CDNOW: fixed costs"). A row the importer would reject makes it
    /// `needsFullReader` (possibly after some pieces were handed over).
    func readCDNOW(
        progress: (Double) -> Void, into consume: (OrderColumns, ColumnarHistory) throws -> Void
    ) throws -> Outcome {
        let file = try ChunkFile(path: path)
        defer { file.close() }
        guard file.size > 0 else { return .needsFullReader(reason: "the file is empty") }
        let pieceOrders = Self.cdnowPieceOrders(fileSize: Int(file.size), pieceSize: pieceSize)
        let parser = CDNOWChunkParser(
            variant: format == .cdnow ? .master : .sample, currency: currency, calendar: calendar,
            latestAllowed: now.addingTimeInterval(86_400), pieceOrders: pieceOrders)
        // Several pieces are likely (a row is at least 16 bytes) and a second core can parse them.
        let beside = Int(file.size) / 16 > pieceOrders && ProcessInfo.processInfo.activeProcessorCount > 1
        var history = ColumnarHistory()
        func hand(_ piece: OrderColumns, _ fraction: Double) throws {
            if history.orderCount == 0 {
                // An estimate of the file's orders from the first piece, for the consumer's reservations.
                let scale = 1.02 / max(fraction, 1e-9)
                history.estimatedOrders = Int(Double(piece.count) * scale) + 16
                history.estimatedLineItems = history.estimatedOrders
                history.estimatedCustomers = Int(Double(piece.customerIDs.count) * scale) + 16
            }
            history.orderCount += piece.count
            history.lineItemCount += piece.count
            progress(fraction)
            try consume(piece, history)
        }
        func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Outcome {
            do {
                history.rowsRead = try beside ? Self.parseBeside(bytes, with: parser, hand) : parser.parse(bytes, emit: hand)
            } catch let irregular as CDNOWChunkParser.Irregular {
                return .needsFullReader(reason: irregular.reason)
            }
            return .read(history)
        }
        if let mapped = file.bytes(0..<file.size) { return try parse(mapped) }
        let bytes = try file.read(offset: 0, count: Int(file.size))
        return try bytes.withUnsafeBufferPointer { try parse($0) }
    }

    /// Orders per piece of a CDNOW file of `fileSize` bytes: about an eighth of the file's rows (at about 32
    /// bytes a row), at least 4,096 and at most `pieceSize / 32` (a million by default) — so the table load
    /// (`OrderColumnsLoader`, whose id index stage runs a piece ahead) and the parse overlap.
    static func cdnowPieceOrders(fileSize: Int, pieceSize: Int) -> Int {
        max(1, min(pieceSize / 32, max(4096, fileSize / 32 / 8)))
    }

    /// `parser` run over `bytes` on a thread of its own; its pieces are handed to `hand` on the calling thread
    /// in file order. Returns the rows read; throws what the parser or `hand` throws. However it ends, the
    /// parser's thread has stopped when it returns (so `bytes` may go).
    private static func parseBeside(
        _ bytes: UnsafeBufferPointer<UInt8>, with parser: CDNOWChunkParser,
        _ hand: (OrderColumns, Double) throws -> Void
    ) throws -> Int {
        let queue = CDNOWPieceQueue(ahead: 4)
        let done = DispatchSemaphore(value: 0)
        let shared = SharedBytes(bytes: bytes)
        let thread = Thread {
            let rows = Result { () throws -> Int in try parser.parse(shared.bytes) { try queue.put($0, fraction: $1) } }
            queue.finish(rows)
            done.signal()
        }
        thread.start()
        defer {
            queue.cancel()
            done.wait()
        }
        while true {
            switch queue.take() {
            case .piece(let piece, let fraction): try hand(piece, fraction)
            case .end(let rows): return try rows.get()
            }
        }
    }
}

/// The mapped file's bytes, read by the parser's thread while the reading thread waits for it to end.
private struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}

/// CDNOW pieces parsed on one thread and taken in order by another: the parser waits while `ahead` pieces
/// are untaken (memory stays bounded), and stops at its next piece once the taker gave up (`cancel`).
private final class CDNOWPieceQueue: @unchecked Sendable {
    enum Next {
        case piece(OrderColumns, fraction: Double)
        case end(Result<Int, any Error>)
    }

    /// Thrown into the parser when the taker gave up.
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private let ahead: Int
    private var pieces: [(OrderColumns, Double)] = []
    private var first = 0
    private var end: Result<Int, any Error>?
    private var cancelled = false

    init(ahead: Int) { self.ahead = max(ahead, 1) }

    /// Adds a parsed piece; waits while `ahead` pieces are untaken. Throws `Cancelled` once the taker gave up.
    func put(_ piece: OrderColumns, fraction: Double) throws {
        condition.lock()
        defer { condition.unlock() }
        while pieces.count - first >= ahead && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        pieces.append((piece, fraction))
        condition.broadcast()
    }

    /// The parser's end: the rows it read, or why it stopped.
    func finish(_ rows: Result<Int, any Error>) {
        condition.lock()
        end = rows
        condition.broadcast()
        condition.unlock()
    }

    /// The next piece in file order, else (all taken) the parser's end; waits for whichever comes.
    func take() -> Next {
        condition.lock()
        defer { condition.unlock() }
        while first == pieces.count && end == nil { condition.wait() }
        guard first < pieces.count else { return .end(end!) }
        let (piece, fraction) = pieces[first]
        pieces[first] = (OrderColumns(), 0)  // released once loaded
        first += 1
        condition.broadcast()
        return .piece(piece, fraction: fraction)
    }

    /// Lets a waiting parser go: it stops at its next piece.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
