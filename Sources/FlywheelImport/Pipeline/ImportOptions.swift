public import FlywheelCore
public import Foundation

/// How to import one file.
public struct ImportOptions: Sendable {
    public var format: ImportFormat
    /// Store nothing at all if any row is bad (the file is checked in a first pass).
    public var strict: Bool
    /// The currency of amounts when the file names none; `nil` takes the format's default.
    public var currency: CurrencyCode?
    /// Where rejected rows are written as CSV (`line,field,reason`); `nil` writes no report.
    public var errorReportPath: String?
    /// Orders stored per transaction (and per checkpoint).
    public var batchSize: Int
    /// "Now", for rules such as "an order is not placed in the future".
    public var now: Date

    public init(
        format: ImportFormat, strict: Bool = false, currency: CurrencyCode? = nil, errorReportPath: String? = nil,
        batchSize: Int = 5_000, now: Date = Date()
    ) {
        self.format = format
        self.strict = strict
        self.currency = currency
        self.errorReportPath = errorReportPath
        self.batchSize = batchSize
        self.now = now
    }
}
