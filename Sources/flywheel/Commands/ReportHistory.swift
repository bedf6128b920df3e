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

    /// Reads everything the report needs; `timer` (`--timing`) hears the phases of reading.
    static func read(
        _ options: HistoryInputOptions, display: ProgressDisplay, timer: PhaseTimer? = nil
    ) async throws -> ReportHistory {
        let input = try await options.open()
        var history = try await read(input, display: display, timer: timer)
        if input.currency == nil, let other = history.onlyOtherCurrency {
            var settings = input.settings
            settings.currency = other
            history = try await read(
                HistoryInput(source: input.source, settings: settings, currency: nil), display: display, timer: timer)
        }
        guard history.report.table.orderCount > 0 else {
            throw HistoryInputError("there are no orders to report on in \(input.description)")
        }
        return history.report
    }

    /// One pass over the source, and the currencies its orders are in.
    private static func read(_ input: HistoryInput, display: ProgressDisplay, timer: PhaseTimer?) async throws -> Pass {
        if case .file(let path, let format) = input.source, ColumnarHistoryReader.readsInColumns(format),
            let pass = try readColumns(path, format, input, display, timer)
        {
            return pass
        }
        if let timer { return try await timer.phase("read (full reader)") { try await readRows(input, display: display) } }
        return try await readRows(input, display: display)
    }

    /// One pass over the source with the full reader (`HistoryInput.read`).
    private static func readRows(_ input: HistoryInput, display: ProgressDisplay) async throws -> Pass {
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
        _ path: String, _ format: ImportFormat, _ input: HistoryInput, _ display: ProgressDisplay, _ timer: PhaseTimer?
    ) throws -> Pass? {
        let reader = ColumnarHistoryReader(path: path, format: format, shop: input.settings, currency: input.currency)
        var table = OrderTable(settings: input.settings)
        // Added as the full reader's batches (`HistoryInput.read`) added them: customers are numbered alike.
        var loader = OrderColumnsLoader(batchSize: HistoryInput.pageSize)
        var tally = CurrencyTally()
        var reserved = false
        var loading = (start: -1.0, wall: 0.0, cpu: 0.0)  // the consumer's table load, for `--timing`
        let reading = (start: timer?.elapsed ?? 0, cpu: timer == nil ? 0 : ProcessTimes.cpuSeconds())
        let outcome = try reader.read(progress: { display.update(fraction: $0, "reading \(path)") }) { piece, read in
            let started = timer.map { _ in (PhaseTimer.monotonic(), PhaseTimer.threadCPU()) }
            if !reserved {
                table.reserveCapacity(
                    orders: read.estimatedOrders, lines: read.estimatedLineItems, customers: read.estimatedCustomers)
                reserved = true
            }
            tally.count(piece.currencies)
            loader.add(piece, to: &table)
            if let timer, let started {
                if loading.start < 0 { loading.start = timer.elapsed - (PhaseTimer.monotonic() - started.0) }
                loading.wall += PhaseTimer.monotonic() - started.0
                loading.cpu += PhaseTimer.threadCPU() - started.1
            }
        }
        if let timer {
            timer.note(
                "read: map, cut, parse, table load", start: reading.start, wall: timer.elapsed - reading.start,
                cpu: ProcessTimes.cpuSeconds() - reading.cpu, processCPU: true)
            timer.note(
                "read: the consumer thread adding pieces (busy time, from its first piece)", start: loading.start,
                wall: loading.wall, cpu: loading.cpu, processCPU: false)
        }
        guard case .read(let read) = outcome else { return nil }
        if let timer { timer.phase("read: table load's last batch") { loader.finish(&table) } } else { loader.finish(&table) }
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
