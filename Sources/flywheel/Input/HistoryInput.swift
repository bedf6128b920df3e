import FlywheelCore
import FlywheelImport
import Foundation

/// An opened source of order history (`HistoryInputOptions.open()`): a file read with the import formats,
/// nothing stored, or the database listed page by page. Either way the records reach the consumer as
/// `IngestBatch`es of Core records, in bounded pieces, so memory is what the consumer keeps.
struct HistoryInput: Sendable {
    enum Source: Sendable {
        case file(path: String, format: ImportFormat)
        case database(any FlywheelStore, location: String)
    }

    /// Which records a consumer needs from the database (a file gives what its format has).
    struct RecordKinds: OptionSet, Sendable {
        let rawValue: Int
        static let customers = RecordKinds(rawValue: 1)
        static let orders = RecordKinds(rawValue: 2)
        static let refunds = RecordKinds(rawValue: 4)
        static let all: RecordKinds = [.customers, .orders, .refunds]
    }

    let source: Source
    /// The shop's settings with `--time-zone` and `--currency` applied; for a file, the defaults with the
    /// format's currency (CDNOW: USD).
    let settings: ShopSettings
    /// The currency asked for with `--currency`, if any.
    let currency: CurrencyCode?

    /// Records listed per database query, and orders per batch read from a file.
    static let pageSize = 10_000

    /// Whether every order comes once (the database); a file may name an order twice (the later wins).
    var ordersAreUnique: Bool {
        if case .database = source { return true }
        return false
    }

    /// The source for messages: `CDNOW_sample.txt (cdnow-sample)` or `the database flywheel.sqlite`.
    var description: String {
        switch source {
        case .file(let path, let format): "\(path) (\(format.rawValue))"
        case .database(_, let location): "the database \(location)"
        }
    }

    /// Reads every record and hands them to `consume` batch by batch: from a file in file order (rejected
    /// rows left out and counted), from the database customers, then orders, then refunds, each by external
    /// id. Shows progress on `display`. Throws `ImportFileError` when the file cannot be read.
    func read(
        _ kinds: RecordKinds = .all, display: ProgressDisplay, into consume: (IngestBatch) throws -> Void
    ) async throws -> HistoryReadSummary {
        switch source {
        case .file(let path, let format):
            return try readFile(path: path, format: format, display: display, into: consume)
        case .database(let store, _):
            return try await readDatabase(store, kinds: kinds, display: display, into: consume)
        }
    }

    private func readFile(
        path: String, format: ImportFormat, display: ProgressDisplay, into consume: (IngestBatch) throws -> Void
    ) throws -> HistoryReadSummary {
        var reader = try OrderHistoryReader(path: path, format: format, shop: settings, currency: currency)
        var summary = HistoryReadSummary()
        while let batch = try reader.nextBatch(maxOrders: Self.pageSize) {
            summary.count(batch.records)
            for rejection in batch.rejections where summary.rejections.count < HistoryReadSummary.rejectionLimit {
                summary.rejections.append(rejection)
            }
            try consume(batch.records)
            display.update(
                fraction: Double(reader.bytesRead) / Double(max(reader.size, 1)),
                "reading \(Format.count(reader.rowsRead)) rows")
        }
        summary.rowsRead = reader.rowsRead
        summary.rowsRejected = reader.rowsRejected
        return summary
    }

    private func readDatabase(
        _ store: any FlywheelStore, kinds: RecordKinds, display: ProgressDisplay,
        into consume: (IngestBatch) throws -> Void
    ) async throws -> HistoryReadSummary {
        let status = try await store.status()
        var total = 0
        if kinds.contains(.customers) { total += status.customers }
        if kinds.contains(.orders) { total += status.orders }
        if kinds.contains(.refunds) { total += status.refunds }
        var summary = HistoryReadSummary()
        var wanted: HistoryKinds = []
        if kinds.contains(.customers) { wanted.insert(.customers) }
        if kinds.contains(.orders) { wanted.insert(.orders) }
        if kinds.contains(.refunds) { wanted.insert(.refunds) }
        try await store.readHistory(
            wanted, pageSize: Self.pageSize,
            progress: { batch in
                summary.count(batch)
                let done = summary.customers + summary.orders + summary.refunds
                display.update(fraction: Double(done) / Double(max(total, 1)), "reading \(Format.count(done)) records")
            }, into: consume)
        return summary
    }
}
