import FlywheelCore
import GRDB

extension ImportRun {
    static let sqliteSelect = """
        SELECT fingerprint, path, format, status, byte_offset, line_number, rows_read, rows_rejected, counts, \
        started_at, updated_at
        FROM import_runs WHERE fingerprint = ?1
        """

    /// Saves the checkpoint: one row per fingerprint, replaced as the import moves on.
    static let sqliteUpsert = """
        INSERT INTO import_runs (fingerprint, path, format, status, byte_offset, line_number, rows_read, \
        rows_rejected, counts, started_at, updated_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        ON CONFLICT (fingerprint) DO UPDATE SET path = excluded.path, format = excluded.format, \
        status = excluded.status, byte_offset = excluded.byte_offset, line_number = excluded.line_number, \
        rows_read = excluded.rows_read, rows_rejected = excluded.rows_rejected, counts = excluded.counts, \
        started_at = excluded.started_at, updated_at = excluded.updated_at
        """

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "import_runs")
        let counts: IngestCounts
        do {
            counts = try IngestCountsJSON.counts(try r.string("counts"))
        } catch {
            throw r.unreadable("counts")
        }
        self.init(
            fingerprint: try r.string("fingerprint"), path: try r.string("path"), format: try r.string("format"),
            status: try r.value("status"), byteOffset: try r.int64("byte_offset"), lineNumber: try r.int("line_number"),
            rowsRead: try r.int("rows_read"), rowsRejected: try r.int("rows_rejected"), counts: counts,
            startedAt: try r.date("started_at"), updatedAt: try r.date("updated_at"))
    }

    /// The parameters of `sqliteUpsert`.
    func sqliteArguments() throws -> StatementArguments {
        [
            fingerprint, path, format, status.rawValue, byteOffset, lineNumber, rowsRead, rowsRejected,
            try IngestCountsJSON.text(counts), EpochMilliseconds.from(startedAt), EpochMilliseconds.from(updatedAt),
        ]
    }
}
