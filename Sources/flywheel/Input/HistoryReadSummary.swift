import FlywheelCore
import FlywheelImport
import Foundation

/// What `HistoryInput.read` handed over: records by kind and, for a file, rows read and rejected.
struct HistoryReadSummary: Sendable {
    var customers = 0
    var orders = 0
    var refunds = 0
    /// Physical rows of the file (0 for the database).
    var rowsRead = 0
    /// Rejected units of the file: bad rows, each rejecting its whole order.
    var rowsRejected = 0
    /// The first rejections (at most `rejectionLimit`).
    var rejections: [RowRejection] = []

    static let rejectionLimit = 100

    mutating func count(_ batch: IngestBatch) {
        customers += batch.customers.count
        orders += batch.orders.count
        refunds += batch.refunds.count
    }

    /// Tells standard error about rejected rows, as `flywheel import` does: the count and the first ten.
    func warnAboutRejections(in source: String) {
        guard rowsRejected > 0 else { return }
        var lines = ["warning: \(Format.count(rowsRejected)) row(s) of \(source) were rejected and left out:"]
        lines += rejections.prefix(10).map { "  line \($0.line): \($0.field): \($0.reason)" }
        if rowsRejected > 10 {
            lines.append("  … \(Format.count(rowsRejected - 10)) more (flywheel import lists them all)")
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
