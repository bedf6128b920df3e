public import Foundation

/// The progress of one file import, stored with each batch in the same transaction, so an import that was
/// killed resumes after the last batch that committed.
public struct ImportRun: Hashable, Sendable {
    public enum Status: String, Sendable, Hashable {
        case running
        case completed
    }

    /// Identifies the file's content: see `FileFingerprint`.
    public var fingerprint: String
    public var path: String
    public var format: String
    public var status: Status
    /// Bytes of the file fully stored; resuming reads on from here.
    public var byteOffset: Int64
    /// The last line fully stored (1-based).
    public var lineNumber: Int
    public var rowsRead: Int
    public var rowsRejected: Int
    public var counts: IngestCounts
    public var startedAt: Date
    public var updatedAt: Date

    public init(
        fingerprint: String, path: String, format: String, status: Status = .running, byteOffset: Int64 = 0,
        lineNumber: Int = 0, rowsRead: Int = 0, rowsRejected: Int = 0, counts: IngestCounts = IngestCounts(),
        startedAt: Date, updatedAt: Date
    ) {
        self.fingerprint = fingerprint
        self.path = path
        self.format = format
        self.status = status
        self.byteOffset = byteOffset
        self.lineNumber = lineNumber
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.counts = counts
        self.startedAt = startedAt
        self.updatedAt = updatedAt
    }
}
