import FlywheelAnalytics
import FlywheelCore
import FlywheelImport
import Foundation

/// The order history read for `flywheel report` into the analytics engine's columns: through the shared
/// input layer (`HistoryInputOptions`: a file, or the database's customers, orders and refunds) plus, from
/// the database, what only it has — marketing spend, survey answers and reviews.
///
/// Currency: `--currency` when given; else the shop's, unless none of the orders is in it and all are in
/// one other currency (CDNOW imported into a new EUR shop is all USD): then the history is read again in
/// that currency, as `flywheel clv` chooses it.
struct ReportHistory {
    var table: OrderTable
    var settings: ShopSettings
    var read: HistoryReadSummary
    /// The source for messages.
    var source: String
    /// The database's saved segments (`--segment saved:NAME`); none from a file.
    var savedSegments: [StoredSegment] = []

    /// Orders held (all currencies counted in the table's exclusions).
    var orderCount: Int { table.orderCount }

    /// The end (last second) of the shop-local day of the latest order; now when there is no order.
    var lastOrderDayEnd: Date { table.latestOrderDayEnd ?? Date() }

    /// Reads everything the report needs.
    static func read(_ options: HistoryInputOptions, display: ProgressDisplay) async throws -> ReportHistory {
        let input = try await options.open()
        var history = try await read(input, display: display)
        if input.currency == nil, let other = history.onlyOtherCurrency {
            var settings = input.settings
            settings.currency = other
            history = try await read(
                HistoryInput(source: input.source, settings: settings, currency: nil), display: display)
        }
        guard history.report.table.orderCount > 0 else {
            throw HistoryInputError("there are no orders to report on in \(input.description)")
        }
        return history.report
    }

    /// One pass over the source, and the currencies its orders are in.
    private static func read(_ input: HistoryInput, display: ProgressDisplay) async throws -> Pass {
        if case .file(let path, let format) = input.source, ColumnarHistoryReader.readsInColumns(format),
            let pass = try readColumns(path, format, input, display)
        {
            return pass
        }
        var table = OrderTable(settings: input.settings)
        var tally = CurrencyTally()
        let summary = try await input.read(.all, display: display) { batch in
            tally.count(batch.orders)
            table.add(batch)
        }
        var saved: [StoredSegment] = []
        if case .database(let store, _) = input.source {
            display.update(fraction: 1, "reading marketing spend, survey answers and reviews")
            try await store.readHistory(.feedbackAndSpend, pageSize: HistoryInput.pageSize) { table.add($0) }
            saved = try await store.segments()
        }
        let report = ReportHistory(
            table: table, settings: input.settings, read: summary, source: input.description, savedSegments: saved)
        return Pass(report: report, onlyOtherCurrency: tally.onlyOther(than: input.settings.currency))
    }

    /// A plain-CSV or CDNOW file read straight into the table's columns (`ColumnarHistoryReader`, docs/performance.md);
    /// `nil` when the file has a row the importer would reject or that needs CSV quoting: then it is read
    /// with the full reader, which reports the rejections.
    private static func readColumns(
        _ path: String, _ format: ImportFormat, _ input: HistoryInput, _ display: ProgressDisplay
    ) throws -> Pass? {
        let reader = ColumnarHistoryReader(path: path, format: format, shop: input.settings, currency: input.currency)
        var table = OrderTable(settings: input.settings)
        // Added as the full reader's batches (`HistoryInput.read`) added them: customers are numbered alike.
        var loader = OrderColumnsLoader(batchSize: HistoryInput.pageSize)
        var tally = CurrencyTally()
        var reserved = false
        let outcome = try reader.read(progress: { display.update(fraction: $0, "reading \(path)") }) { piece, read in
            if !reserved {
                table.reserveCapacity(
                    orders: read.estimatedOrders, lines: read.estimatedLineItems, customers: read.estimatedCustomers)
                reserved = true
            }
            tally.count(piece.currencies)
            loader.add(piece, to: &table)
        }
        guard case .read(let read) = outcome else { return nil }
        loader.finish(&table)
        var summary = HistoryReadSummary()
        summary.customers = read.customerRecords
        summary.orders = read.orderCount
        summary.rowsRead = read.rowsRead
        let report = ReportHistory(table: table, settings: input.settings, read: summary, source: input.description)
        return Pass(report: report, onlyOtherCurrency: tally.onlyOther(than: input.settings.currency))
    }

    private struct Pass {
        var report: ReportHistory
        /// The one currency of every order, when it is not the table's.
        var onlyOtherCurrency: CurrencyCode?
    }

    /// The currencies orders were seen in.
    private struct CurrencyTally {
        private var seen: [CurrencyCode] = []

        mutating func count(_ orders: [Order]) { count(orders.lazy.map(\.currency)) }

        mutating func count(_ currencies: some Sequence<CurrencyCode>) {
            for currency in currencies where seen.last != currency && !seen.contains(currency) {
                seen.append(currency)
            }
        }

        /// The currency of all orders when there is exactly one and it is not `currency`.
        func onlyOther(than currency: CurrencyCode) -> CurrencyCode? {
            guard seen.count == 1, seen[0] != currency else { return nil }
            return seen[0]
        }
    }
}
