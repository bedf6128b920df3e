public import Foundation

extension InMemoryStore {
    public func insertEnrolments(_ rows: [StoredEnrolment]) async throws -> Set<String> {
        var inserted: Set<String> = []
        for row in rows
        where flowSchedule.enrolments[row.id] == nil && !flowSchedule.entryKeys.contains(row.entryKey) {
            flowSchedule.enrolments[row.id] = row
            flowSchedule.order[row.id] = flowSchedule.order.count
            flowSchedule.entryKeys.insert(row.entryKey)
            inserted.insert(row.id)
        }
        return inserted
    }

    public func enrolment(id: String) async throws -> StoredEnrolment? { flowSchedule.enrolments[id] }

    public func enrolments(customerID: String) async throws -> [StoredEnrolment] {
        flowSchedule.enrolments.values.filter { $0.customerID == customerID }
            .sorted { flowSchedule.order[$0.id, default: 0] < flowSchedule.order[$1.id, default: 0] }
    }

    public func claimDue(now: Date, limit: Int, owner: String, lease: TimeInterval) async throws -> [StoredEnrolment] {
        let due = flowSchedule.enrolments.values.filter { row in
            guard row.status == .active, let dueAt = row.dueAt else { return false }
            return dueAt <= now
        }
        .sorted { ($0.dueAt!, flowSchedule.order[$0.id, default: 0]) < ($1.dueAt!, flowSchedule.order[$1.id, default: 0]) }
        return due.prefix(max(0, limit)).map {
            takeLease(&flowSchedule.enrolments[$0.id]!, owner: owner, now: now, span: lease)
        }.sorted { $0.id < $1.id }
    }

    public func claimEnrolments(ids: [String], now: Date, owner: String, lease: TimeInterval) async throws
        -> [StoredEnrolment]
    {
        var claimed: [StoredEnrolment] = []
        for id in Set(ids).sorted() {
            guard let row = flowSchedule.enrolments[id], row.status == .active else { continue }
            if let expiry = row.leaseExpiresAt, expiry > now, row.leaseOwner != owner { continue }
            claimed.append(takeLease(&flowSchedule.enrolments[id]!, owner: owner, now: now, span: lease))
        }
        return claimed
    }

    public func complete(_ completions: [EnrolmentCompletion], owner: String, now: Date) async throws -> Set<String> {
        var lost: Set<String> = []
        for completion in completions {
            guard var row = flowSchedule.enrolments[completion.id], row.leaseOwner == owner else {
                lost.insert(completion.id)
                continue
            }
            row.state = completion.state
            row.dueAt = completion.status == .active ? completion.dueAt : nil
            row.status = completion.status
            row.leaseOwner = nil
            row.leaseExpiresAt = nil
            if completion.succeeded { row.attempts = 0 }
            row.updatedAt = now
            flowSchedule.enrolments[completion.id] = row
            append(completion.timeline)
        }
        return lost
    }

    public func appendTimeline(_ entries: [TimelineEntry]) async throws { append(entries) }

    public func timeline(customerID: String, before: TimelineCursor?, limit: Int) async throws -> TimelinePage {
        let entries = flowSchedule.timeline.filter { $0.customerID == customerID && (before?.precedes($0) ?? true) }
            .sorted { ($0.at, $0.sequence) > ($1.at, $1.sequence) }
        return TimelinePage.cut(entries, limit: max(1, limit))
    }

    private func takeLease(_ row: inout StoredEnrolment, owner: String, now: Date, span lease: TimeInterval)
        -> StoredEnrolment
    {
        let expiry = now.addingTimeInterval(lease)
        row.leaseOwner = owner
        row.leaseExpiresAt = expiry
        row.dueAt = expiry
        row.attempts += 1
        row.updatedAt = now
        return row
    }

    private func append(_ entries: [TimelineEntry]) {
        for var entry in entries where flowSchedule.timelineKeys.insert(entry.key).inserted {
            entry.sequence = Int64(flowSchedule.timeline.count + 1)
            flowSchedule.timeline.append(entry)
        }
    }
}
