import FlywheelCore
import Foundation
import Synchronization

/// A schedule store whose next `complete` fails, as if the process died after the effects and before the
/// new state was stored: nothing of that completion reaches the underlying store.
final class CrashingStore: FlowScheduleStore {
    let base: any FlowScheduleStore
    private let armed = Mutex(false)

    init(_ base: any FlowScheduleStore) { self.base = base }

    /// The next `complete` call throws.
    func crashAtNextComplete() { armed.withLock { $0 = true } }

    func complete(_ completions: [EnrolmentCompletion], owner: String, now: Date) async throws -> Set<String> {
        let crash = armed.withLock { armed in
            defer { armed = false }
            return armed
        }
        if crash { throw SimulatedCrash() }
        return try await base.complete(completions, owner: owner, now: now)
    }

    func insertEnrolments(_ rows: [StoredEnrolment]) async throws -> Set<String> { try await base.insertEnrolments(rows) }
    func enrolment(id: String) async throws -> StoredEnrolment? { try await base.enrolment(id: id) }
    func enrolments(customerID: String) async throws -> [StoredEnrolment] {
        try await base.enrolments(customerID: customerID)
    }
    func claimDue(now: Date, limit: Int, owner: String, lease: TimeInterval) async throws -> [StoredEnrolment] {
        try await base.claimDue(now: now, limit: limit, owner: owner, lease: lease)
    }
    func claimEnrolments(ids: [String], now: Date, owner: String, lease: TimeInterval) async throws
        -> [StoredEnrolment]
    {
        try await base.claimEnrolments(ids: ids, now: now, owner: owner, lease: lease)
    }
    func appendTimeline(_ entries: [TimelineEntry]) async throws { try await base.appendTimeline(entries) }
    func timeline(customerID: String, before: TimelineCursor?, limit: Int) async throws -> TimelinePage {
        try await base.timeline(customerID: customerID, before: before, limit: limit)
    }
}

struct SimulatedCrash: Error {}
