public import FlywheelCore
import PostgresNIO

extension PostgresStore {
    /// Stores the batch and the checkpoint (its counts plus this batch's) in one transaction: all of it, or
    /// nothing.
    ///
    /// The transaction first takes the advisory locks of the records the batch touches (`IngestLocks`), so a
    /// concurrent batch on the same customers waits rather than deadlocks or fails; a deadlock or
    /// serialization failure reported anyway (another program's locks) retries the batch, twice at most. The
    /// customers a session counted are recorded in memory once the batch committed.
    public func ingest(_ batch: IngestBatch, session: String?, checkpoint: ImportRun?) async throws -> IngestCounts {
        guard !batch.isEmpty || checkpoint != nil else { return IngestCounts() }
        let counted = session.map { name in sessions.withLock { $0.counted(in: name) } }
        var attempt = 1
        while true {
            do {
                let result = try await withConnection { connection in
                    try await connection.transaction(logger: self.logger) { connection in
                        try await PostgresIngest.run(
                            batch, counted: counted, checkpoint: checkpoint, on: connection, logger: self.logger)
                    }
                }
                if let session { sessions.withLock { $0.record(result.newlyCounted, in: session) } }
                return result.counts
            } catch let error as PostgresStoreError where attempt < 3 && Self.isRetryable(error) {
                logger.notice("retrying an ingest", metadata: ["sqlstate": "\(error.sqlState ?? "")"])
                attempt += 1
            }
        }
    }

    /// Deadlocks (40P01) and serialization failures (40001): the transaction was rolled back and may be run again.
    private static func isRetryable(_ error: PostgresStoreError) -> Bool {
        error.sqlState == "40P01" || error.sqlState == "40001"
    }
}
