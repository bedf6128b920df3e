import ArgumentParser
import FlywheelCore
import FlywheelImport
import Foundation

/// `flywheel import FILE --format …`: loads an order-history export.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an order-history file (idempotent and resumable).",
        discussion: """
            Formats:
              cdnow          CDNOW_master.txt: customer_id date number_of_cds dollar_value
              cdnow-sample   CDNOW_sample.txt: master_id sample_id date number_of_cds dollar_value
              shopify        Shopify's orders export CSV (one row per line item)
              csv            customer_id,date|datetime,amount[,order_id,currency,email,sku,quantity,channel]

            Importing the same file again changes nothing. An import that was interrupted (even by kill -9)
            resumes where it stopped when run again. Rejected rows are listed with line, field and reason in
            the error report (default ./<file>.errors.csv).

            Exit status: 0 all rows imported; 1 the file or database could not be used (nothing imported);
            2 some rows were rejected (the others were imported); 3 --strict found bad rows (nothing imported).

            Examples:
              flywheel import CDNOW_master.txt --format cdnow
              flywheel import orders_export.csv --format shopify --strict
              flywheel import history.csv --format csv --currency EUR --json
            """
    )

    @Argument(help: "The file to import.")
    var file: String

    @Option(help: "The file's layout: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ImportFormat

    @Flag(help: "Store nothing at all if any row is bad.")
    var strict = false

    @Option(help: "ISO currency of amounts when the file names none (default: USD for CDNOW, else the shop's).")
    var currency: String?

    @Option(help: ArgumentHelp("Where to write rejected rows as CSV.", valueName: "path"))
    var errorReport: String?

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    @Option(help: "Orders stored per transaction (and per resume checkpoint).")
    var batchSize = 5_000

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1...1_000_000).contains(batchSize) else { throw ValidationError("--batch-size must be 1 to 1000000") }
        if let currency, CurrencyCode(currency.uppercased()) == nil {
            throw ValidationError("--currency: '\(currency)' is not an ISO 4217 currency code such as EUR or USD")
        }
    }

    func run() async throws {
        let store = try await database.openStore()
        let reportPath = errorReport ?? (URL(fileURLWithPath: file).lastPathComponent + ".errors.csv")
        let options = ImportOptions(
            format: format, strict: strict, currency: currency.flatMap { CurrencyCode($0.uppercased()) },
            errorReportPath: reportPath, batchSize: batchSize)
        let display = ProgressDisplay(enabled: !json && isatty(STDERR_FILENO) == 1)
        let started = Date()
        let summary: ImportSummary
        do {
            summary = try await OrderHistoryImporter(store: store).run(path: file, options: options) { progress in
                let rate = Double(progress.rowsRead) / max(Date().timeIntervalSince(started), 0.001)
                display.update(
                    fraction: progress.fraction,
                    "\(progress.checking ? "checking" : "importing") \(Format.count(progress.rowsRead)) rows"
                        + " (\(Format.count(Int(rate)))/s)")
            }
        } catch let error as ImportFileError {
            display.finish()
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        display.finish()
        if json {
            try JSONOutput.print(ImportSummaryJSON(summary))
        } else {
            printSummary(summary, seconds: Date().timeIntervalSince(started))
        }
        if summary.strictAborted { throw ExitCode(3) }
        if summary.rowsRejected > 0 { throw ExitCode(2) }
    }

    private func printSummary(_ summary: ImportSummary, seconds: TimeInterval) {
        func tally(_ t: UpsertTally) -> String {
            "\(Format.count(t.created)) created, \(Format.count(t.updated)) updated, \(Format.count(t.unchanged)) unchanged"
        }
        var lines: [String] = []
        if summary.strictAborted {
            lines.append("Nothing imported: --strict and \(Format.count(summary.rowsRejected)) bad row(s) in \(file).")
        } else {
            lines.append("Imported \(file) (\(format.rawValue)) in \(Format.duration(seconds)).")
            if let line = summary.resumedAtLine { lines.append("  resumed an interrupted import at line \(line)") }
        }
        lines.append("  rows read       \(Format.count(summary.rowsRead))")
        if !summary.strictAborted {
            let c = summary.counts
            lines.append("  orders          \(tally(c.orders))")
            lines.append("  customers       \(tally(c.customers))")
            if c.products != UpsertTally() { lines.append("  products        \(tally(c.products))") }
            if c.refunds != UpsertTally() { lines.append("  refunds         \(tally(c.refunds))") }
            if c.shipments != UpsertTally() { lines.append("  shipments       \(tally(c.shipments))") }
        }
        lines.append("  rows rejected   \(Format.count(summary.rowsRejected))")
        print(lines.joined(separator: "\n"))
        guard summary.rowsRejected > 0 else { return }
        var errors = summary.errors.prefix(10).map { "  line \($0.line): \($0.field): \($0.reason)" }
        if summary.rowsRejected > errors.count { errors.append("  … \(summary.rowsRejected - errors.count) more") }
        let report = summary.errorReportPath.map { "All rejected rows: \($0)\n" } ?? ""
        FileHandle.standardError.write(Data(("Rejected rows:\n" + errors.joined(separator: "\n") + "\n" + report).utf8))
    }
}


/// The `--json` form of an import summary.
struct ImportSummaryJSON: Encodable {
    struct Rejection: Encodable {
        var line: Int
        var field: String
        var reason: String
    }

    var rows_read: Int
    var rows_rejected: Int
    var orders_created: Int
    var orders_updated: Int
    var orders_unchanged: Int
    var customers_created: Int
    var customers_updated: Int
    var customers_unchanged: Int
    var products_created: Int
    var refunds_created: Int
    var shipments_created: Int
    var resumed_at_line: Int?
    var strict_aborted: Bool
    var error_report: String?
    var errors: [Rejection]

    init(_ s: ImportSummary) {
        rows_read = s.rowsRead
        rows_rejected = s.rowsRejected
        orders_created = s.counts.orders.created
        orders_updated = s.counts.orders.updated
        orders_unchanged = s.counts.orders.unchanged
        customers_created = s.counts.customers.created
        customers_updated = s.counts.customers.updated
        customers_unchanged = s.counts.customers.unchanged
        products_created = s.counts.products.created
        refunds_created = s.counts.refunds.created
        shipments_created = s.counts.shipments.created
        resumed_at_line = s.resumedAtLine
        strict_aborted = s.strictAborted
        error_report = s.rowsRejected > 0 ? s.errorReportPath : nil
        errors = s.errors.map { Rejection(line: $0.line, field: $0.field, reason: $0.reason) }
    }
}
