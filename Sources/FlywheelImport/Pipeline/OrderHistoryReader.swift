public import FlywheelCore
public import Foundation

/// Streams an order-history file as parsed records, without a store: the same formats, keys, rules and
/// rejections as `flywheel import`, for anything that reads history straight from a file (`flywheel clv
/// --input`, the importer itself).
///
/// ```swift
/// var reader = try OrderHistoryReader(path: "orders_export.csv", format: .shopify)
/// while let batch = try reader.nextBatch(maxOrders: 10_000) {
///     use(batch.records)                  // customers, products, orders, refunds, shipments
///     report(batch.rejections)            // bad rows: line, column, reason
/// }
/// print(reader.rowsRead, reader.rowsRejected)
/// ```
///
/// Reading is streaming in constant memory (1 MiB chunks; a unit is released once handed out). A bad row
/// rejects its whole unit — one order with what belongs to it, or for CDNOW a customer's orders of one
/// day — exactly as the importer rejects it. Problems with the file as a whole (missing, empty, binary,
/// UTF-16, a header without the required columns) throw `ImportFileError` before any record is returned.
public struct OrderHistoryReader {
    /// The file read.
    public let path: String
    /// Its layout.
    public let format: ImportFormat
    /// The currency of amounts the file does not name.
    public let currency: CurrencyCode
    /// The file's size in bytes.
    public let size: Int64

    /// Physical rows of the units returned so far (a Shopify order with three line items is three rows).
    public private(set) var rowsRead = 0
    /// Rejected units returned so far (each counts once, however many rows it spans).
    public private(set) var rowsRejected = 0
    /// Byte offset just after the last unit returned: with `size`, how far reading has come.
    public private(set) var bytesRead: Int64 = 0

    private var parser: any FormatReader
    private var records: RecordReader
    private var record = Record()
    private var queue: [ImportUnit] = []
    private var queueIndex = 0
    private var atEnd = false

    /// Where to go on reading a file: the byte offset just after a unit and the line found there (an
    /// import checkpoint's `byteOffset` and `lineNumber`).
    public struct Position: Sendable, Hashable {
        /// Byte offset of the next record.
        public var offset: Int64
        /// The physical line the next record starts on.
        public var line: Int

        /// A position; `offset` 0 is the start of the file.
        public init(offset: Int64, line: Int) {
            self.offset = offset
            self.line = line
        }
    }

    /// Opens `path` and reads its header (when the format has one).
    ///
    /// - Parameters:
    ///   - shop: the shop whose time zone reads dates without a zone and whose currency is the plain and
    ///     Shopify formats' default.
    ///   - currency: the currency of amounts the file does not name; `nil` takes the format's default (US
    ///     dollars for CDNOW, else the shop's).
    ///   - now: "now" for rules such as "an order is not placed in the future".
    ///   - position: where to go on after the header; `nil` or offset 0 reads from the first data row.
    public init(
        path: String, format: ImportFormat, shop: ShopSettings = .defaults, currency: CurrencyCode? = nil,
        now: Date = Date(), resumingAt position: Position? = nil
    ) throws {
        let currency = currency ?? format.defaultCurrency(shop: shop)
        var parser = format.makeReader(currency: currency, calendar: shop.calendar, now: now)
        var records = try RecordReader(path: path, layout: parser.layout)
        let size = try Self.size(of: path)
        guard size > 0 else { throw ImportFileError("\(path) is empty: there are no orders in it") }
        var first = Record()
        guard try records.next(into: &first) else {
            throw ImportFileError("\(path) has no rows: there are no orders in it")
        }
        if try !parser.readHeader(first) {
            // The first record was data: start over so it is read as such.
            records = try RecordReader(path: path, layout: parser.layout)
        }
        if let position, position.offset > 0 {
            records = try RecordReader(path: path, layout: parser.layout, offset: position.offset, line: position.line)
        }
        self.path = path
        self.format = format
        self.currency = currency
        self.size = size
        self.parser = parser
        self.records = records
        self.bytesRead = position?.offset ?? 0
    }

    private static func size(of path: String) throws -> Int64 {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportFileError("cannot open \(path): no such file or no permission to read it")
        }
        defer { try? handle.close() }
        return Int64(try handle.seekToEnd())
    }

    /// The next unit of the file — the records of one order (or CDNOW customer-day), or a rejected row —
    /// or `nil` at the end of the file.
    public mutating func nextUnit() throws -> ImportUnit? {
        while queueIndex == queue.count {
            guard !atEnd else { return nil }
            // Work on a local array so the parser's callback does not capture `self`.
            var produced = queue
            queue = []
            produced.removeAll(keepingCapacity: true)
            if try records.next(into: &record) {
                parser.consume(record) { produced.append($0) }
            } else {
                atEnd = true
                parser.finish { produced.append($0) }
            }
            queue = produced
            queueIndex = 0
        }
        let unit = queue[queueIndex]
        queueIndex += 1
        rowsRead += unit.rows
        if case .rejected = unit.content { rowsRejected += 1 }
        bytesRead = unit.endOffset
        return unit
    }

    /// The next units, merged: their records in one batch (at least one order unless the file ends or
    /// rejected rows fill it) and the rejections among them; `nil` at the end of the file.
    ///
    /// - Parameter maxOrders: the batch ends once it holds this many orders (or four times as many units,
    ///   so a run of bad rows does not grow it without bound).
    public mutating func nextBatch(maxOrders: Int = 10_000) throws -> OrderHistoryBatch? {
        var batch = OrderHistoryBatch()
        var units = 0
        while let unit = try nextUnit() {
            units += 1
            batch.rows += unit.rows
            batch.end = Position(offset: unit.endOffset, line: unit.nextLine)
            switch unit.content {
            case .records(let records): batch.records.append(records)
            case .rejected(let rejection): batch.rejections.append(rejection)
            }
            if batch.records.orders.count >= maxOrders || units >= maxOrders * 4 { break }
        }
        return units == 0 ? nil : batch
    }
}
