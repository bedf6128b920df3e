import GRDB
import Synchronization

/// Group commit for small writes (the API's one-record batches, one customer's points-ledger transaction):
/// writes that arrive while a transaction is under way are done together in the next write transaction, each
/// inside a savepoint of its own, so each stays atomic on its own — a refused write rolls back only its
/// savepoint and gets its error, the others commit. Each caller is answered once the shared transaction has
/// committed (durability as with a transaction of its own); when the commit fails, every caller gets the error.
///
/// SQLite has one writer; a transaction per request spends most of its time on the commit and the hop to
/// the writer's queue. Sharing them between the requests that queued meanwhile multiplies write throughput
/// under load and changes nothing when requests come one at a time (the group is then one write). Writes run
/// one after another in arrival order inside the transaction, each seeing what the earlier ones wrote, so a
/// read-decide-write (a redemption checking the balance) is as serialised as before.
final class GroupCommit: Sendable {
    /// One queued write: `run` does it inside its savepoint (on the writer's queue) and returns how to answer
    /// its caller once the transaction ended (`nil`: committed; else the commit's error); `fail` answers it
    /// when the transaction could not even start.
    private struct Job: Sendable {
        var run: @Sendable (Database) -> @Sendable ((any Error)?) -> Void
        var fail: @Sendable (any Error) -> Void
    }

    /// A write's work, held until it ran (or could not run), then let go: a caller may hand in a closure
    /// that must not outlive its call (`withoutActuallyEscaping` in `withLedger`), so nothing may still
    /// hold it once the caller is answered. Touched by one thread at a time (the writer, or `fail`).
    private final class WorkBox<T>: @unchecked Sendable {
        var work: (@Sendable (Database) throws -> T)?
        init(_ work: @escaping @Sendable (Database) throws -> T) { self.work = work }
    }

    private struct State {
        var pending: [Job] = []
        var writing = false
    }

    private let pool: DatabasePool
    private let state = Mutex(State())
    /// The most writes one transaction takes; the rest wait for the next.
    private let groupLimit = 256

    init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Runs `work` in the next group transaction, inside a savepoint of its own (rolled back when it throws),
    /// and returns its result once the transaction committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let box = WorkBox(work)
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(
                run: { db in
                    let result = Result<T, any Error> {
                        guard let work = box.work else { preconditionFailure("a group write runs once") }
                        var value: T?
                        try db.inSavepoint {
                            value = try work(db)
                            return .commit
                        }
                        guard let value else { preconditionFailure("a committed savepoint ran its work") }
                        return value
                    }
                    box.work = nil
                    return { commitError in
                        if let commitError { continuation.resume(throwing: commitError) } else {
                            continuation.resume(with: result)
                        }
                    }
                },
                fail: { error in
                    box.work = nil
                    continuation.resume(throwing: error)
                })
            let startWriter = state.withLock { state in
                state.pending.append(job)
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
            let group: [Job] = state.withLock { state in
                let group = Array(state.pending.prefix(groupLimit))
                state.pending.removeFirst(group.count)
                if group.isEmpty { state.writing = false }
                return group
            }
            if group.isEmpty { return }
            do {
                let answers = try await pool.writeWithoutTransaction { db in
                    var answers: [@Sendable ((any Error)?) -> Void] = []
                    answers.reserveCapacity(group.count)
                    do {
                        try db.inTransaction(.immediate) {
                            for job in group { answers.append(job.run(db)) }
                            return .commit
                        }
                    } catch {
                        // Done but not committed: every write of the group fails with the commit's error.
                        for answer in answers { answer(error) }
                        for job in group.dropFirst(answers.count) { job.fail(error) }
                        return [@Sendable ((any Error)?) -> Void]()
                    }
                    return answers
                }
                for answer in answers { answer(nil) }
            } catch {
                for job in group { job.fail(error) }
            }
        }
    }
}
