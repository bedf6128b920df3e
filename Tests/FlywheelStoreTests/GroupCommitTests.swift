import Dispatch
import Foundation
import GRDB
import Synchronization
import Testing

@testable import FlywheelStore

/// `GroupCommit` answers each caller only after it let go of the caller's work: `withLedger` hands it a
/// closure made escapable by `withoutActuallyEscaping`, and the runtime traps when such a closure is still
/// held once that call returns (it did under load when the writer kept the group's jobs while answering).
@Suite("GroupCommit")
struct GroupCommitTests {
    /// Kept alive only by the work closure that captures it.
    final class Token: Sendable {}

    @Test("a write's work is let go before its caller is answered, also in a large group")
    func workReleasedBeforeAnswer() async throws {
        try await TemporaryDirectory.with { directory in
            let pool = try DatabasePool(path: directory.path("group.sqlite"))
            try await pool.write { db in try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)") }
            let commit = GroupCommit(pool: pool)
            // The first write holds the writer until the others queued, so they form one group of 200 whose
            // callers are answered one after another: with the work released after answering, early callers
            // see their work still held while the writer answers the later ones.
            let gate = DispatchSemaphore(value: 0)
            async let first: Int = commit.write { db in
                gate.wait()
                try db.execute(sql: "INSERT INTO t (n) VALUES (0)")
                return 0
            }
            try await Task.sleep(for: .milliseconds(50))
            let released = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 1...200 {
                    group.addTask { try await Self.writeAndCheckReleased(n, commit) }
                }
                try await Task.sleep(for: .milliseconds(200))
                gate.signal()
                var released = 0
                for try await wasReleased in group where wasReleased { released += 1 }
                return released
            }
            #expect(try await first == 0)
            #expect(released == 200)
            let rows = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") }
            #expect(rows == 201)
        }
    }

    @Test("the work of a write that throws is let go before its caller gets the error (resumed at once)")
    func failedWorkReleased() async throws {
        try await TemporaryDirectory.with { directory in
            let pool = try DatabasePool(path: directory.path("group.sqlite"))
            let commit = GroupCommit(pool: pool)
            let released = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 1...50 {
                    group.addTask(executorPreference: InlineExecutor.shared) {
                        weak var held: Token?
                        do {
                            let token = Token()
                            held = token
                            let error = await #expect(throws: DatabaseError.self) {
                                try await commit.write { db in
                                    withExtendedLifetime(token) {}
                                    try db.execute(sql: "INSERT INTO missing_table VALUES (1)")
                                }
                            }
                            #expect(error != nil)
                        }
                        return held == nil
                    }
                }
                var released = 0
                for try await wasReleased in group where wasReleased { released += 1 }
                return released
            }
            #expect(released == 50)
        }
    }

    /// Writes one row with work that holds a token, and answers whether the token was gone by the time the
    /// write returned (nothing in `GroupCommit` still held the work).
    @Test("a caller resumed at once on the writer's thread finds its work already let go")
    func workReleasedWhenResumedInline() async throws {
        try await TemporaryDirectory.with { directory in
            let pool = try DatabasePool(path: directory.path("group.sqlite"))
            try await pool.write { db in try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)") }
            let commit = GroupCommit(pool: pool)
            // Each caller runs on an executor that runs a job as soon as it is enqueued: its continuation is
            // resumed and its check runs on the writer's thread, before the writer does anything more. So the
            // check sees exactly what the writer held when it answered, whatever the scheduling.
            let released = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 1...20 {
                    group.addTask(executorPreference: InlineExecutor.shared) {
                        try await Self.writeAndCheckReleased(n, commit)
                    }
                }
                var released = 0
                for try await wasReleased in group where wasReleased { released += 1 }
                return released
            }
            #expect(released == 20)
        }
    }

    /// Runs each job as soon as it is enqueued, on the enqueuing thread.
    final class InlineExecutor: TaskExecutor {
        static let shared = InlineExecutor()

        func enqueue(_ job: consuming ExecutorJob) {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    static func writeAndCheckReleased(_ n: Int, _ commit: GroupCommit) async throws -> Bool {
        weak var held: Token?
        do {
            let token = Token()
            held = token
            let written = try await commit.write { db in
                withExtendedLifetime(token) {}
                try db.execute(sql: "INSERT INTO t (n) VALUES (?)", arguments: [n])
                return n
            }
            #expect(written == n)
        }
        return held == nil
    }
}
