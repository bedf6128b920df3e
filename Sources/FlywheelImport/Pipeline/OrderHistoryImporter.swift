public import FlywheelCore
import Foundation

/// Imports an order-history file into a store: streaming in constant memory, idempotent (every record is
/// an upsert by a stable key), and resumable (each batch is stored with a checkpoint in the same transaction;
/// a run that was killed goes on after the last stored batch).
public struct OrderHistoryImporter: Sendable {
    private let store: any FlywheelStore

    public init(store: any FlywheelStore) { self.store = store }

    /// Imports `path`. Rows that break a rule are skipped and reported (or, with `strict`, stop the import
    /// before anything is stored). Throws `ImportFileError` for problems with the file as a whole.
    public func run(
        path: String, options: ImportOptions, progress: @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportSummary {
        let (fingerprint, size) = try FileFingerprint.of(path: path)
        guard size > 0 else { throw ImportFileError("\(path) is empty: there is nothing to import") }
        let settings = try await store.shopSettings() ?? .defaults
        let currency = options.currency ?? options.format.defaultCurrency(shop: settings)
        let runKey = "\(options.format.rawValue):\(fingerprint)"
        let previous = try await store.importRun(fingerprint: runKey)
        let resuming = previous?.status == .running ? previous : nil

        var summary = ImportSummary()
        summary.errorReportPath = options.errorReportPath
        let report = ErrorReport(path: options.errorReportPath, append: resuming != nil)
        defer { report.close() }

        if options.strict {
            let rejected = try check(
                path: path, size: size, options: options, currency: currency, settings: settings, report: report,
                summary: &summary, progress: progress)
            if rejected {
                summary.strictAborted = true
                return summary
            }
            summary = ImportSummary()
            summary.errorReportPath = options.errorReportPath
        }

        var run =
            resuming
            ?? ImportRun(
                fingerprint: runKey, path: path, format: options.format.rawValue, startedAt: options.now,
                updatedAt: options.now)
        if let resuming {
            summary.resumedAtLine = resuming.lineNumber
            summary.rowsRead = resuming.rowsRead
            summary.rowsRejected = resuming.rowsRejected
            summary.counts = resuming.counts
        }

        var reader = try OrderHistoryReader(
            path: path, format: options.format, shop: settings, currency: currency, now: options.now,
            resumingAt: resuming.map { OrderHistoryReader.Position(offset: $0.byteOffset, line: $0.lineNumber) })

        let session = "\(runKey)@\(UUID().uuidString)"
        var pending: [ImportUnit] = []
        var pendingOrders = 0
        var inFlight: Task<IngestOutcome, any Error>?

        /// Waits for the batch being stored, then accounts for it.
        func settle() async throws {
            guard let task = inFlight else { return }
            inFlight = nil
            let outcome = try await task.value
            summary.counts = summary.counts + outcome.counts
            summary.rowsRead += outcome.rows
            for rejection in outcome.rejections {
                summary.record(rejection)
                try report.write(rejection)
            }
            run = outcome.checkpoint
            progress(
                ImportProgress(
                    bytesDone: run.byteOffset, totalBytes: size, rowsRead: summary.rowsRead,
                    rowsRejected: summary.rowsRejected, checking: false))
        }

        /// Hands the pending units to the store while the next batch is parsed.
        func dispatch(final: Bool) async throws {
            try await settle()
            guard !pending.isEmpty || final else { return }
            let units = pending
            pending = []
            pendingOrders = 0
            var checkpoint = run
            checkpoint.rowsRead = summary.rowsRead
            checkpoint.rowsRejected = summary.rowsRejected
            checkpoint.counts = summary.counts
            let store = self.store
            let now = options.now
            inFlight = Task {
                try await Self.store(units, into: store, session: session, checkpoint: checkpoint, final: final, now: now)
            }
            if final { try await settle() }
        }

        while let unit = try reader.nextUnit() {
            if case .records(let batch) = unit.content { pendingOrders += max(1, batch.orders.count) }
            pending.append(unit)
            if pendingOrders >= options.batchSize || pending.count >= options.batchSize * 4 {
                try await dispatch(final: false)
            }
        }
        try await dispatch(final: true)
        return summary
    }

    /// Strict mode's first pass: reads the whole file, stores nothing, reports every bad row.
    private func check(
        path: String, size: Int64, options: ImportOptions, currency: CurrencyCode, settings: ShopSettings,
        report: ErrorReport, summary: inout ImportSummary, progress: @Sendable (ImportProgress) -> Void
    ) throws -> Bool {
        var reader = try OrderHistoryReader(
            path: path, format: options.format, shop: settings, currency: currency, now: options.now)
        var lastReport = 0
        while let unit = try reader.nextUnit() {
            if case .rejected(let rejection) = unit.content {
                summary.record(rejection)
                try report.write(rejection)
            }
            if reader.rowsRead - lastReport >= 50_000 {
                lastReport = reader.rowsRead
                progress(
                    ImportProgress(
                        bytesDone: reader.bytesRead, totalBytes: size, rowsRead: reader.rowsRead,
                        rowsRejected: summary.rowsRejected, checking: true))
            }
        }
        summary.rowsRead = reader.rowsRead
        return summary.rowsRejected > 0
    }

    private struct IngestOutcome: Sendable {
        var counts = IngestCounts()
        var rows = 0
        var rejections: [RowRejection] = []
        var checkpoint: ImportRun
    }

    /// Stores units as one batch with the checkpoint after them. If the store refuses the batch, stores the
    /// units one by one instead, so only the unit at fault is rejected.
    private static func store(
        _ units: [ImportUnit], into store: any FlywheelStore, session: String, checkpoint: ImportRun, final: Bool,
        now: Date
    ) async throws -> IngestOutcome {
        var outcome = IngestOutcome(checkpoint: checkpoint)
        var batch = IngestBatch()
        for unit in units {
            outcome.rows += unit.rows
            switch unit.content {
            case .records(let records): batch.append(records)
            case .rejected(let rejection): outcome.rejections.append(rejection)
            }
        }
        var next = checkpoint
        next.updatedAt = now
        if let last = units.last {
            next.byteOffset = last.endOffset
            next.lineNumber = last.nextLine
        }
        next.rowsRead += outcome.rows
        next.rowsRejected += outcome.rejections.count
        if final { next.status = .completed }
        do {
            outcome.counts = try await store.ingest(batch, session: session, checkpoint: next)
            next.counts = next.counts + outcome.counts
            outcome.checkpoint = next
            return outcome
        } catch is IngestError {
            // Fall through: find the unit the store refused.
        }
        // Isolate the unit at fault: one transaction per unit, each with its own checkpoint.
        outcome = IngestOutcome(checkpoint: checkpoint)
        var step = checkpoint
        for (index, unit) in units.enumerated() {
            step.byteOffset = unit.endOffset
            step.lineNumber = unit.nextLine
            step.rowsRead += unit.rows
            step.updatedAt = now
            if final && index == units.count - 1 { step.status = .completed }
            outcome.rows += unit.rows
            var records = IngestBatch()
            switch unit.content {
            case .records(let batch): records = batch
            case .rejected(let rejection):
                outcome.rejections.append(rejection)
                step.rowsRejected += 1
            }
            do {
                let counts = try await store.ingest(records, session: session, checkpoint: step)
                outcome.counts = outcome.counts + counts
                step.counts = step.counts + counts
            } catch let error as IngestError {
                let rejection = RowRejection(line: unit.firstLine, field: error.field, reason: "\(error.record) \(error.reason)")
                outcome.rejections.append(rejection)
                step.rowsRejected += 1
                _ = try await store.ingest(IngestBatch(), session: session, checkpoint: step)
            }
        }
        outcome.checkpoint = step
        return outcome
    }
}

extension IngestBatch {
    /// Adds another batch's records after this one's.
    mutating func append(_ other: IngestBatch) {
        customers.append(contentsOf: other.customers)
        products.append(contentsOf: other.products)
        orders.append(contentsOf: other.orders)
        refunds.append(contentsOf: other.refunds)
        shipments.append(contentsOf: other.shipments)
        returns.append(contentsOf: other.returns)
        marketingSpend.append(contentsOf: other.marketingSpend)
        surveyAnswers.append(contentsOf: other.surveyAnswers)
        reviews.append(contentsOf: other.reviews)
        checkouts.append(contentsOf: other.checkouts)
    }
}
