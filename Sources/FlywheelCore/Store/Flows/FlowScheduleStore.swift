public import Foundation

/// The durable flow scheduler's part of the store contract (`FlywheelStore` refines it): enrolment rows
/// with due times and leases, and the customers' timelines. See docs/storage.md ("Flow schedule").
///
/// Rules every engine keeps:
/// - `entryKey` is unique: inserting a row whose key is stored inserts nothing (a replayed event enters once).
/// - `claimDue` hands each due row to one caller: it leases the rows it returns (owner, expiry) and sets their
///   `dueAt` to the lease's expiry, all atomically, so concurrent claimers (threads, processes, machines on one
///   PostgreSQL) never get the same row, and rows of a crashed holder fall due again when the lease expires.
/// - `complete` stores a row's new state only while `leaseOwner` is still the caller (an expired lease nobody
///   took over still counts as the caller's); otherwise it changes nothing and reports the id as lost.
/// - Timeline entries are append-only and idempotent by `key`.
public protocol FlowScheduleStore: Sendable {
    /// Inserts the rows whose `entryKey` (and id) are new; returns the ids it inserted.
    func insertEnrolments(_ rows: [StoredEnrolment]) async throws -> Set<String>
    /// The row with this id.
    func enrolment(id: String) async throws -> StoredEnrolment?
    /// A customer's enrolments (active and finished), oldest first: for re-entry rules and events.
    func enrolments(customerID: String) async throws -> [StoredEnrolment]
    /// Leases up to `limit` active rows due at `now` (the earliest due first) to `owner` until `now + lease`,
    /// and returns them as leased (attempts counted), sorted by id.
    func claimDue(now: Date, limit: Int, owner: String, lease: TimeInterval) async throws -> [StoredEnrolment]
    /// Leases these active rows to `owner` unless another holder's lease is still running (for events); returns
    /// the rows it leased, sorted by id.
    func claimEnrolments(ids: [String], now: Date, owner: String, lease: TimeInterval) async throws
        -> [StoredEnrolment]
    /// Stores each completion whose row `owner` still leases, with its timeline entries, and clears the lease;
    /// returns the ids whose lease was lost (nothing stored for them).
    func complete(_ completions: [EnrolmentCompletion], owner: String, now: Date) async throws -> Set<String>
    /// Appends entries to customers' timelines; an entry whose key is stored is skipped.
    func appendTimeline(_ entries: [TimelineEntry]) async throws
    /// A customer's timeline, newest first (by time, then append order), `limit` entries from `before`.
    func timeline(customerID: String, before: TimelineCursor?, limit: Int) async throws -> TimelinePage
}
