public import FlywheelCore
import GRDB

extension SQLiteStore {
    /// Stores the batch and the checkpoint (its counts plus this batch's) in one IMMEDIATE write transaction:
    /// all of it, or nothing.
    ///
    /// Each record costs one indexed lookup of its key and content hash; a record stored as it is costs no
    /// write. The customers a session counted are remembered in memory, one bit per customer, and recorded
    /// only once the batch committed, on the writer's queue, so batches of one session never race.
    public func ingest(_ batch: IngestBatch, session: String?, checkpoint: ImportRun?) async throws -> IngestCounts {
        // Small batches outside imports (the API's writes) share transactions under load: see GroupCommit.
        if session == nil, checkpoint == nil, batch.recordCount <= 32 {
            return try await groupCommit.write { db in
                try SQLiteIngest.run(batch, counted: nil, checkpoint: nil, in: db).counts
            }
        }
        return try await pool.writeWithoutTransaction { db in
            var result: SQLiteIngest.Result?
            try db.inTransaction(.immediate) {
                result = try SQLiteIngest.run(
                    batch, counted: session.map { name in self.sessions.withLock { $0.counted(in: name) } },
                    checkpoint: checkpoint, in: db)
                return .commit
            }
            guard let result else { return IngestCounts() }
            if let session { self.sessions.withLock { $0.record(result.newlyCounted, in: session) } }
            return result.counts
        }
    }
}
