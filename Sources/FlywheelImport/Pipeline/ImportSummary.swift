public import FlywheelCore

/// What an import did: the figures of `flywheel import`'s summary and its `--json` object.
public struct ImportSummary: Sendable {
    public var rowsRead = 0
    public var rowsRejected = 0
    public var counts = IngestCounts()
    /// The first rejections (at most `ImportSummary.errorLimit`); the report file has them all.
    public var errors: [RowRejection] = []
    /// Set when the import went on from an interrupted run's checkpoint: the line it resumed at.
    public var resumedAtLine: Int?
    /// True when `--strict` found bad rows and so stored nothing.
    public var strictAborted = false
    public var errorReportPath: String?

    public static let errorLimit = 100

    public init() {}

    mutating func record(_ rejection: RowRejection) {
        rowsRejected += 1
        if errors.count < Self.errorLimit { errors.append(rejection) }
    }
}
