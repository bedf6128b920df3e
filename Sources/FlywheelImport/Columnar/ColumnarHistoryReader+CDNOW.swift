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

    /// Reads a CDNOW file (`cdnow`, `cdnow-sample`) with `CDNOWChunkParser`, on the calling thread: the
    /// files are small (CDNOW_master is 3 MB), so starting threads would cost more than it gives; the rows
    /// are numbered in file order anyway (the `cdnow:…:<n>` keys count adjacent rows). The file is mapped
    /// (read into memory when it cannot be) and handed over in pieces of `pieceSize / 32` orders (a million
    /// by default). A row the importer would reject makes it `needsFullReader`.
    func readCDNOW(
        progress: (Double) -> Void, into consume: (OrderColumns, ColumnarHistory) throws -> Void
    ) throws -> Outcome {
        let file = try ChunkFile(path: path)
        defer { file.close() }
        guard file.size > 0 else { return .needsFullReader(reason: "the file is empty") }
        let parser = CDNOWChunkParser(
            variant: format == .cdnow ? .master : .sample, currency: currency, calendar: calendar,
            latestAllowed: now.addingTimeInterval(86_400), pieceOrders: pieceSize / 32)
        var history = ColumnarHistory()
        func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Outcome {
            do {
                let rows = try parser.parse(bytes) { piece, fraction in
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
                history.rowsRead = rows
            } catch let irregular as CDNOWChunkParser.Irregular {
                return .needsFullReader(reason: irregular.reason)
            }
            return .read(history)
        }
        if let mapped = file.bytes(0..<file.size) { return try parse(mapped) }
        let bytes = try file.read(offset: 0, count: Int(file.size))
        return try bytes.withUnsafeBufferPointer { try parse($0) }
    }
}
