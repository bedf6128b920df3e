import FlywheelCore
import GRDB
import Synchronization

/// Group commit for small batches (the API's one-record writes): batches that arrive while a write is under
/// way are stored together in the next write transaction, each inside a savepoint of its own, so each stays
/// atomic on its own — a refused batch rolls back only its savepoint and gets its error, the others commit.
///
/// SQLite has one writer; a transaction per request spends most of its time on the commit and the hop to
/// the writer's queue. Sharing them between the requests that queued meanwhile multiplies write throughput
/// under load and changes nothing when requests come one at a time (the group is then one batch).
final class GroupCommit: Sendable {
    private struct Pending {
        var batch: IngestBatch
        var continuation: CheckedContinuation<IngestCounts, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var writing = false
    }

    private let pool: DatabasePool
    private let state = Mutex(State())
    /// The most batches one transaction takes; the rest wait for the next.
    private let groupLimit = 256

    init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Stores `batch` in the next group transaction and returns its own counts.
    func ingest(_ batch: IngestBatch) async throws -> IngestCounts {
        try await withCheckedThrowingContinuation { continuation in
            let startWriter = state.withLock { state in
                state.pending.append(Pending(batch: batch, continuation: continuation))
                if state.writing { return false }
                state.writing = true
                return true
            }
            if startWriter { Task { await self.writeGroups() } }
        }
    }

    /// Writes groups until nothing is pending.
    private func writeGroups() async {
        while true {
            let group: [Pending] = state.withLock { state in
                let group = Array(state.pending.prefix(groupLimit))
                state.pending.removeFirst(group.count)
                if group.isEmpty { state.writing = false }
                return group
            }
            if group.isEmpty { return }
            let batches = group.map(\.batch)
            do {
                let results = try await pool.writeWithoutTransaction { db in
                    var results: [Result<IngestCounts, any Error>] = []
                    results.reserveCapacity(batches.count)
                    try db.inTransaction(.immediate) {
                        for batch in batches {
                            var counts = IngestCounts()
                            do {
                                try db.inSavepoint {
                                    counts = try SQLiteIngest.run(batch, counted: nil, checkpoint: nil, in: db).counts
                                    return .commit
                                }
                                results.append(.success(counts))
                            } catch {
                                results.append(.failure(error))
                            }
                        }
                        return .commit
                    }
                    return results
                }
                for (pending, result) in zip(group, results) { pending.continuation.resume(with: result) }
            } catch {
                for pending in group { pending.continuation.resume(throwing: error) }
            }
        }
    }
}
