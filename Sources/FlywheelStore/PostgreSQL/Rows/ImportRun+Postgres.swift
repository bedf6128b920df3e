import FlywheelCore
import PostgresNIO

extension ImportRun {
    /// The checkpoint of one file.
    static func postgresSelect(fingerprint: String) -> PostgresQuery {
        """
        SELECT fingerprint, path, format, status, byte_offset, line_number, rows_read, rows_rejected, \
        counts::text AS counts, started_at, updated_at
        FROM import_runs WHERE fingerprint = \(fingerprint)
        """
    }

    /// Saves the checkpoint: one row per fingerprint, replaced as the import moves on.
    func postgresUpsert() throws -> PostgresQuery {
        let counts = try CountsDocument.text(self.counts)
        return """
            INSERT INTO import_runs (fingerprint, path, format, status, byte_offset, line_number, rows_read, \
            rows_rejected, counts, started_at, updated_at)
            VALUES (\(fingerprint), \(path), \(format), \(status.rawValue), \(byteOffset), \(lineNumber), \
            \(rowsRead), \(rowsRejected), \(counts)::jsonb, \(PostgresTimestamp(startedAt)), \
            \(PostgresTimestamp(updatedAt)))
            ON CONFLICT (fingerprint) DO UPDATE SET path = excluded.path, format = excluded.format, \
            status = excluded.status, byte_offset = excluded.byte_offset, line_number = excluded.line_number, \
            rows_read = excluded.rows_read, rows_rejected = excluded.rows_rejected, counts = excluded.counts, \
            started_at = excluded.started_at, updated_at = excluded.updated_at
            """
    }

    /// Reads a row of `postgresSelect`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "import_runs")
        guard let counts = CountsDocument.counts(try r.string("counts")) else { throw r.unreadable("counts") }
        self.init(
            fingerprint: try r.string("fingerprint"), path: try r.string("path"), format: try r.string("format"),
            status: try r.value("status"), byteOffset: try r.int64("byte_offset"), lineNumber: try r.int("line_number"),
            rowsRead: try r.int("rows_read"), rowsRejected: try r.int("rows_rejected"), counts: counts,
            startedAt: try r.date("started_at"), updatedAt: try r.date("updated_at"))
    }
}
