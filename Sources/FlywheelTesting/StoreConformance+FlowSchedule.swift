import FlywheelCore
import Foundation
import Testing

extension StoreConformance {
    /// The flow schedule's checks (`FlowScheduleStore`), listed in `checks`.
    static let flowScheduleChecks: [StoreCheck] = [
        StoreCheck("flow schedule: inserting is idempotent by entry key", enrolmentInsertIsIdempotent),
        StoreCheck("flow schedule: claiming leases due rows, earliest first, up to the limit", claimLeasesDueRows),
        StoreCheck("flow schedule: an expired lease is claimable again and the old holder is refused", expiredLease),
        StoreCheck("flow schedule: claiming by id passes over rows another holder leases", claimByID),
        StoreCheck("flow schedule: concurrent claimers never get the same row", concurrentClaimers),
        StoreCheck("flow schedule: timeline is idempotent by key and pages newest first", timelinePaging),
    ]

    static func enrolmentRow(
        _ id: String, customer: String = "c_1", flow: String = "review_request", key: String? = nil, due: Date?,
        state: [UInt8] = [1, 2, 3]
    ) -> StoredEnrolment {
        StoredEnrolment(
            id: id, customerID: customer, flowID: flow, flowVersion: 2, entryKey: key ?? "\(flow)/\(customer)/\(id)",
            state: Data(state), dueAt: due, createdAt: StoreFixtures.date(day: 1), updatedAt: StoreFixtures.date(day: 1))
    }

    static func enrolmentInsertIsIdempotent(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let first = enrolmentRow("enr_b", key: "review_request/c_1/order_delivered:o_1", due: StoreFixtures.date(day: 3))
        let second = enrolmentRow("enr_a", flow: "win_back", due: nil, state: [9, 0, 255])
        let other = enrolmentRow("enr_c", customer: "c_2", due: StoreFixtures.date(day: 2))
        #expect(try await store.insertEnrolments([first, second, other]) == ["enr_a", "enr_b", "enr_c"])
        #expect(try await store.enrolment(id: "enr_b") == first)
        #expect(try await store.enrolment(id: "enr_a") == second)
        #expect(try await store.enrolment(id: "enr_zzz") == nil)
        // The same event again (a replayed webhook) under a new id: nothing is inserted.
        var replay = first
        replay.id = "enr_d"
        #expect(try await store.insertEnrolments([replay]).isEmpty)
        #expect(try await store.enrolment(id: "enr_d") == nil)
        // Within one call, the second row with a known key is skipped too.
        let fresh = enrolmentRow("enr_e", key: "fresh", due: nil)
        var twin = fresh
        twin.id = "enr_f"
        #expect(try await store.insertEnrolments([fresh, twin]) == ["enr_e"])
        #expect(try await store.enrolments(customerID: "c_1").map(\.id) == ["enr_b", "enr_a", "enr_e"])
        #expect(try await store.enrolments(customerID: "c_9").isEmpty)
    }

    static func claimLeasesDueRows(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        _ = try await store.insertEnrolments([
            enrolmentRow("enr_3", due: StoreFixtures.date(day: 3)), enrolmentRow("enr_1", due: StoreFixtures.date(day: 1)),
            enrolmentRow("enr_2", due: StoreFixtures.date(day: 2)), enrolmentRow("enr_waits", due: nil),
            enrolmentRow("enr_later", due: StoreFixtures.date(day: 9)),
        ])
        let now = StoreFixtures.date(day: 3)
        let first = try await store.claimDue(now: now, limit: 2, owner: "a", lease: 60)
        #expect(first.map(\.id) == ["enr_1", "enr_2"])
        for row in first {
            #expect(row.leaseOwner == "a")
            #expect(row.leaseExpiresAt == now.addingTimeInterval(60))
            #expect(row.dueAt == now.addingTimeInterval(60))
            #expect(row.attempts == 1)
            #expect(row.state == Data([1, 2, 3]))
            #expect(try await store.enrolment(id: row.id) == row)
        }
        #expect(try await store.claimDue(now: now, limit: 10, owner: "b", lease: 60).map(\.id) == ["enr_3"])
        #expect(try await store.claimDue(now: now, limit: 10, owner: "c", lease: 60).isEmpty)
        #expect(try await store.claimDue(now: now, limit: 0, owner: "c", lease: 60).isEmpty)

        // Completing stores the state and next due time and frees the row; a finished row is never due.
        let later = now.addingTimeInterval(30)
        let lost = try await store.complete(
            [
                EnrolmentCompletion(id: "enr_1", state: Data([7]), dueAt: StoreFixtures.date(day: 5), status: .active),
                EnrolmentCompletion(id: "enr_2", state: Data([8]), dueAt: nil, status: .finished),
            ], owner: "a", now: later)
        #expect(lost.isEmpty)
        let done = try #require(try await store.enrolment(id: "enr_1"))
        #expect(done.state == Data([7]) && done.dueAt == StoreFixtures.date(day: 5) && done.status == .active)
        #expect(done.leaseOwner == nil && done.leaseExpiresAt == nil && done.attempts == 0 && done.updatedAt == later)
        let ended = try #require(try await store.enrolment(id: "enr_2"))
        #expect(ended.status == .finished && ended.dueAt == nil && ended.state == Data([8]))
        #expect(try await store.claimDue(now: StoreFixtures.date(day: 20), limit: 10, owner: "a", lease: 60).map(\.id)
            == ["enr_1", "enr_3", "enr_later"])
        // The earliest due are taken first.
        _ = try await store.complete(
            [("enr_1", 22), ("enr_3", 25), ("enr_later", 28)].map {
                EnrolmentCompletion(id: $0.0, state: Data(), dueAt: StoreFixtures.date(day: $0.1), status: .active)
            }, owner: "a", now: StoreFixtures.date(day: 20))
        #expect(try await store.claimDue(now: StoreFixtures.date(day: 40), limit: 2, owner: "a", lease: 60).map(\.id)
            == ["enr_1", "enr_3"])
    }

    static func expiredLease(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        _ = try await store.insertEnrolments([enrolmentRow("enr_1", due: StoreFixtures.date(day: 1))])
        let now = StoreFixtures.date(day: 2)
        #expect(try await store.claimDue(now: now, limit: 5, owner: "crashed", lease: 60).count == 1)
        // Still leased a second before expiry; due again at expiry.
        #expect(try await store.claimDue(now: now.addingTimeInterval(59), limit: 5, owner: "b", lease: 60).isEmpty)
        let retaken = try await store.claimDue(now: now.addingTimeInterval(60), limit: 5, owner: "b", lease: 60)
        #expect(retaken.map(\.id) == ["enr_1"])
        #expect(retaken.first?.attempts == 2 && retaken.first?.leaseOwner == "b")

        // The old holder comes back: refused, nothing stored, no timeline written.
        let entry = TimelineEntry(
            key: "enr_1#1", customerID: "c_1", at: now, kind: .sent, flowID: "review_request", flowVersion: 2,
            enrolmentID: "enr_1")
        let stale = EnrolmentCompletion(id: "enr_1", state: Data([66]), dueAt: nil, status: .finished, timeline: [entry])
        #expect(try await store.complete([stale], owner: "crashed", now: now.addingTimeInterval(61)) == ["enr_1"])
        #expect(try await store.enrolment(id: "enr_1")?.state == Data([1, 2, 3]))
        #expect(try await store.timeline(customerID: "c_1", before: nil, limit: 10).entries.isEmpty)
        // The new holder's completion counts, with its timeline; a failed attempt keeps the attempt count.
        let retry = EnrolmentCompletion(
            id: "enr_1", state: Data([5]), dueAt: StoreFixtures.date(day: 4), status: .active, succeeded: false,
            timeline: [entry])
        #expect(try await store.complete([retry], owner: "b", now: now.addingTimeInterval(62)).isEmpty)
        let row = try #require(try await store.enrolment(id: "enr_1"))
        #expect(row.state == Data([5]) && row.attempts == 2 && row.leaseOwner == nil)
        #expect(try await store.timeline(customerID: "c_1", before: nil, limit: 10).entries.map(\.key) == ["enr_1#1"])
        // Completing a row nobody leases is refused too.
        #expect(try await store.complete([retry], owner: "b", now: now.addingTimeInterval(63)) == ["enr_1"])

        // An expired lease nobody took over is still its holder's.
        #expect(try await store.claimDue(now: StoreFixtures.date(day: 4), limit: 5, owner: "slow", lease: 60).count == 1)
        let slow = EnrolmentCompletion(id: "enr_1", state: Data([6]), dueAt: nil, status: .finished)
        #expect(try await store.complete([slow], owner: "slow", now: StoreFixtures.date(day: 5)).isEmpty)
        #expect(try await store.enrolment(id: "enr_1")?.status == .finished)
    }

    static func claimByID(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        _ = try await store.insertEnrolments([
            enrolmentRow("enr_1", due: StoreFixtures.date(day: 1)), enrolmentRow("enr_2", due: nil),
            enrolmentRow("enr_3", due: StoreFixtures.date(day: 9)), enrolmentRow("enr_4", due: nil),
        ])
        let now = StoreFixtures.date(day: 2)
        #expect(try await store.claimDue(now: now, limit: 5, owner: "runner", lease: 60).map(\.id) == ["enr_1"])
        _ = try await store.complete(
            [EnrolmentCompletion(id: "enr_4", state: Data(), dueAt: nil, status: .finished)], owner: "x", now: now)
        let claimed = try await store.claimEnrolments(
            ids: ["enr_1", "enr_2", "enr_3", "enr_9"], now: now, owner: "events", lease: 30)
        #expect(claimed.map(\.id) == ["enr_2", "enr_3"])
        #expect(claimed.allSatisfy { $0.leaseOwner == "events" && $0.dueAt == now.addingTimeInterval(30) })
        // Its own rows again: fine; someone else's running lease: not.
        #expect(try await store.claimEnrolments(ids: ["enr_2"], now: now, owner: "events", lease: 30).count == 1)
        #expect(try await store.claimEnrolments(ids: ["enr_2"], now: now, owner: "other", lease: 30).isEmpty)
        #expect(
            try await store.claimEnrolments(ids: ["enr_1"], now: now.addingTimeInterval(60), owner: "other", lease: 30)
                .map(\.id) == ["enr_1"])
    }

    static func concurrentClaimers(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let rows = (0..<240).map { index in
            enrolmentRow(
                "enr_\(index)", customer: "c_\(index % 17)", due: StoreFixtures.date(day: 1, second: index % 50))
        }
        #expect(try await store.insertEnrolments(rows).count == rows.count)
        let now = StoreFixtures.date(day: 2)
        let claims = try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var mine: [String] = []
                    while true {
                        let batch = try await store.claimDue(now: now, limit: 7, owner: "w\(worker)", lease: 600)
                        if batch.isEmpty { return mine }
                        #expect(batch.allSatisfy { $0.leaseOwner == "w\(worker)" })
                        mine += batch.map(\.id)
                    }
                }
            }
            var all: [[String]] = []
            for try await ids in group { all.append(ids) }
            return all
        }
        let flat = claims.flatMap { $0 }
        #expect(flat.count == rows.count)
        #expect(Set(flat) == Set(rows.map(\.id)))
    }

    static func timelinePaging(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        func entry(_ n: Int, customer: String = "c_1", second: Int) -> TimelineEntry {
            TimelineEntry(
                key: "k\(n)", customerID: customer, at: StoreFixtures.date(day: 1, second: second), kind: .sent,
                flowID: "vip", flowVersion: 1, enrolmentID: "enr_\(n)", stepID: n % 2 == 0 ? "send" : nil,
                messageID: n % 3 == 0 ? "enr_\(n)/send/2" : nil, detail: n % 2 == 0 ? "email, consent" : nil)
        }
        // 25 entries, four to a second (ties broken by append order), plus another customer's.
        let mine = (0..<25).map { entry($0, second: $0 / 4) }
        try await store.appendTimeline(Array(mine[0..<12]))
        try await store.appendTimeline([entry(100, customer: "c_2", second: 3)])
        try await store.appendTimeline(Array(mine[10..<25]))  // 10 and 11 again: kept once
        var keys: [String] = []
        var cursor: TimelineCursor?
        var pages = 0
        repeat {
            let page = try await store.timeline(customerID: "c_1", before: cursor, limit: 10)
            keys += page.entries.map(\.key)
            cursor = page.next
            pages += 1
            #expect(page.entries.count == (pages < 3 ? 10 : 5))
        } while cursor != nil && pages < 10
        #expect(pages == 3)
        #expect(keys == (0..<25).reversed().map { "k\($0)" })
        let newest = try await store.timeline(customerID: "c_1", before: nil, limit: 1).entries
        var expected = mine[24]
        expected.sequence = try #require(newest.first?.sequence)
        #expect(newest == [expected])
        #expect(try await store.timeline(customerID: "c_2", before: nil, limit: 5).entries.map(\.key) == ["k100"])
        #expect(try await store.timeline(customerID: "c_3", before: nil, limit: 5) == TimelinePage(entries: [], next: nil))
    }
}
