import FlywheelCore
import Foundation
import Testing

/// The outbox's rules (`OutboxStore`), checked on every engine with the rest of the store contract.
extension StoreConformance {
    static let outboxChecks: [StoreCheck] = [
        StoreCheck("outbox: a message round-trips; enqueueing a key twice stores one", outboxEnqueueIsIdempotent),
        StoreCheck("outbox: due messages are claimed once, oldest first, under a lease", outboxClaimsUnderLease),
        StoreCheck("outbox: an outcome applies only while its claim holds", outboxOutcomesNeedTheClaim),
        StoreCheck("outbox: retries wait, dead letters list and can be retried", outboxRetriesAndDeadLetters),
        StoreCheck("outbox: concurrent claimers never get the same message", outboxConcurrentClaims),
        StoreCheck("outbox: a batch is enqueued at once, deduplicated by key, all or nothing", outboxBatchEnqueue),
        StoreCheck("outbox: a claim for some channels leaves the others queued", outboxClaimsByChannel),
        StoreCheck("outbox: a withdrawn message is final, not a dead letter", outboxWithdrawnIsFinal),
        StoreCheck("outbox: dead letters page by a cursor; a discarded one is final", outboxDeadLetterPagesAndDiscard),
        StoreCheck("outbox: headers with quotes, escapes and non-ASCII come back as stored", outboxHeadersRoundTrip),
    ]

    /// Headers whose JSON needs every escape (quotes, backslashes, control characters) and some that need none
    /// (slashes, non-ASCII, an empty value) come back equal, singly and in a batch.
    static func outboxHeadersRoundTrip(_ store: any FlywheelStore) async throws {
        let outbox = try await outbox(store)
        var single = outboxMessage("h1")
        single.content.headers = outboxTrickyHeaders
        var batched = outboxMessage("h2")
        batched.content.headers = Array(outboxTrickyHeaders.reversed())
        var none = outboxMessage("h3")
        none.content.headers = []
        #expect(try await outbox.enqueue(single).isNew)
        #expect(try await outbox.enqueue([batched, none]).allSatisfy(\.isNew))
        #expect(try await outbox.outboxMessage(id: "h1")?.content.headers == outboxTrickyHeaders)
        #expect(try await outbox.outboxMessage(id: "h2")?.content.headers == outboxTrickyHeaders.reversed())
        #expect(try await outbox.outboxMessage(id: "h3")?.content.headers == [])
    }

    /// Header values that exercise every JSON escape and none.
    static let outboxTrickyHeaders = [
        OutboxHeader(name: "List-Unsubscribe", value: "<https://shop.example/u/a?x=1&y=2>, <mailto:u@shop.example>"),
        OutboxHeader(name: "X-Quoted", value: #"say "hi" \ back\slash"#),
        OutboxHeader(name: "X-Controls", value: "tab\tnew\nline\rcr\u{08}bs\u{0C}ff\u{01}\u{1F}\u{7F}end"),
        OutboxHeader(name: "X-Unicode", value: "Jürgen ✓ 🎉 \u{2028}\u{2029} ß"),
        OutboxHeader(name: "X-Empty", value: ""),
    ]

    /// The engine as an outbox; every engine of the package is one.
    static func outbox(_ store: any FlywheelStore) async throws -> any OutboxStore {
        let store = try await migrated(store)
        return try #require(store as? any OutboxStore, "the engine does not implement OutboxStore")
    }

    /// A message for the checks: e-mail with every optional field set, or SMS with none.
    static func outboxMessage(
        _ id: String, key: String? = nil, customer: String = "c1", channel: OutboxChannel = .email,
        createdAt: Date = StoreFixtures.date(day: 1), notBefore: Date? = nil
    ) -> OutboxMessage {
        let content =
            channel == .email
            ? OutboxContent(
                subject: "Danke, Jürgen! ✓", text: "Hallo Jürgen,\r\n\"quoted\" \\ line", html: "<p>Hallo</p>",
                headers: [
                    OutboxHeader(name: "List-Unsubscribe", value: "<https://shop.example/u/abc?x=1&y=2>"),
                    OutboxHeader(name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click"),
                ])
            : OutboxContent(text: "Your order is on its way")
        return OutboxMessage(
            id: id, idempotencyKey: key ?? "enr_\(id)/send/1", customerID: customer, channel: channel,
            messageClass: channel == .email ? "marketing" : "transactional",
            recipient: channel == .email ? "juergen@example.com" : "+4915112345678", content: content,
            templateID: channel == .email ? "review_request" : nil, locale: channel == .email ? "de" : nil,
            flowID: channel == .email ? "post_purchase" : nil, stepID: channel == .email ? "review" : nil,
            createdAt: createdAt, notBefore: notBefore)
    }

    static func outboxEnqueueIsIdempotent(_ store: any FlywheelStore) async throws {
        let outbox = try await outbox(store)
        let mail = outboxMessage("m1")
        let sms = outboxMessage("m2", channel: .sms)
        #expect(try await outbox.enqueue(mail) == OutboxEnqueued(message: mail, isNew: true))
        #expect(try await outbox.enqueue(sms).isNew)
        #expect(try await outbox.outboxMessage(id: "m1") == mail)
        #expect(try await outbox.outboxMessage(id: "m2") == sms)
        #expect(try await outbox.outboxMessage(idempotencyKey: mail.idempotencyKey) == mail)
        #expect(try await outbox.outboxMessage(id: "m9") == nil)

        // The same key again (another id, other content): the stored message comes back, nothing is added.
        var again = outboxMessage("m3", key: mail.idempotencyKey, createdAt: StoreFixtures.date(day: 2))
        again.content.text = "other"
        #expect(try await outbox.enqueue(again) == OutboxEnqueued(message: mail, isNew: false))
        #expect(try await outbox.outboxMessage(id: "m3") == nil)
        #expect(try await outbox.outboxMessages(customerID: "c1") == [mail, sms])

        // An id in use under another key is refused; an invalid message names its field.
        await #expect(throws: OutboxStoreError.duplicateID("m1")) {
            try await outbox.enqueue(outboxMessage("m1", key: "other/key/1"))
        }
        var noSubject = outboxMessage("m4")
        noSubject.content.subject = nil
        await #expect(throws: OutboxStoreError.invalidMessage(id: "m4", reason: "an e-mail needs a subject")) {
            try await outbox.enqueue(noSubject)
        }
    }

    static func outboxClaimsUnderLease(_ store: any FlywheelStore) async throws {
        let outbox = try await outbox(store)
        let now = StoreFixtures.date(day: 10)
        _ = try await outbox.enqueue(outboxMessage("b", createdAt: StoreFixtures.date(day: 2)))
        _ = try await outbox.enqueue(outboxMessage("a", createdAt: StoreFixtures.date(day: 3)))
        _ = try await outbox.enqueue(outboxMessage("c", createdAt: StoreFixtures.date(day: 1), notBefore: now + 60))
        #expect(try await outbox.claimOutbox(owner: "w1", limit: 0, now: now, leaseUntil: now + 300).isEmpty)

        let first = try await outbox.claimOutbox(owner: "w1", limit: 10, now: now, leaseUntil: now + 300)
        #expect(first.map(\.id) == ["b", "a"])  // "c" is not due yet; oldest due first
        for message in first {
            #expect(message.status == .sending && message.attempts == 1 && message.leaseOwner == "w1")
            #expect(message.nextAttemptAt == now + 300 && message.updatedAt == now)
            #expect(try await outbox.outboxMessage(id: message.id) == message)
        }
        // Leased: nobody else gets them; "c" comes when due.
        #expect(try await outbox.claimOutbox(owner: "w2", limit: 10, now: now + 100, leaseUntil: now + 400).map(\.id) == ["c"])
        // The leases of "b" and "a" expired (their worker died): claimable again, a second attempt. Both
        // leases end together, so the id decides.
        let taken = try await outbox.claimOutbox(owner: "w2", limit: 1, now: now + 300, leaseUntil: now + 600)
        #expect(taken.map(\.id) == ["a"])
        #expect(taken.first?.attempts == 2 && taken.first?.leaseOwner == "w2")
    }

    static func outboxOutcomesNeedTheClaim(_ store: any FlywheelStore) async throws {
        let outbox = try await outbox(store)
        let now = StoreFixtures.date(day: 10)
        _ = try await outbox.enqueue(outboxMessage("a"))
        let stale = try #require(try await outbox.claimOutbox(owner: "w1", limit: 5, now: now, leaseUntil: now + 60).first)
        let fresh = try #require(
            try await outbox.claimOutbox(owner: "w2", limit: 5, now: now + 61, leaseUntil: now + 120).first)
        // The first worker's late outcome is ignored: another claim holds the message.
        let late = OutboxOutcome(id: "a", attempt: stale.attempts, result: .dead(error: "too late"))
        #expect(try await outbox.recordOutboxOutcomes([late], owner: "w1", now: now + 62) == 0)
        #expect(try await outbox.recordOutboxOutcomes(
            [OutboxOutcome(id: "a", attempt: fresh.attempts, result: .sent(providerMessageID: nil))], owner: "w1",
            now: now + 62) == 0)
        #expect(try await outbox.outboxMessage(id: "a") == fresh)

        let sent = OutboxOutcome(id: "a", attempt: fresh.attempts, result: .sent(providerMessageID: "250 queued as 7"))
        #expect(try await outbox.recordOutboxOutcomes([sent, late], owner: "w2", now: now + 63) == 1)
        var expected = fresh
        expected.apply(sent.result, now: now + 63)
        let stored = try await outbox.outboxMessage(id: "a")
        #expect(stored == expected)
        #expect(stored?.status == .sent && stored?.sentAt == now + 63 && stored?.nextAttemptAt == nil)
        #expect(stored?.providerMessageID == "250 queued as 7" && stored?.leaseOwner == nil)
        // Sent is final: never claimed again, an outcome does not apply twice.
        #expect(try await outbox.claimOutbox(owner: "w3", limit: 5, now: now + 10_000, leaseUntil: now + 20_000).isEmpty)
        #expect(try await outbox.recordOutboxOutcomes([sent], owner: "w2", now: now + 64) == 0)
    }

    static func outboxRetriesAndDeadLetters(_ store: any FlywheelStore) async throws {
        let outbox = try await outbox(store)
        let now = StoreFixtures.date(day: 10)
        for id in ["a", "b", "c"] { _ = try await outbox.enqueue(outboxMessage(id)) }
        let claimed = try await outbox.claimOutbox(owner: "w", limit: 5, now: now, leaseUntil: now + 60)
        #expect(claimed.count == 3)
        let outcomes = [
            OutboxOutcome(id: "a", attempt: 1, result: .retry(at: now + 30, error: "451 4.3.0 busy")),
            OutboxOutcome(id: "b", attempt: 1, result: .dead(error: "550 5.1.1 unknown user")),
            OutboxOutcome(id: "c", attempt: 1, result: .dead(error: "554 content rejected")),
        ]
        #expect(try await outbox.recordOutboxOutcomes(Array(outcomes.prefix(2)), owner: "w", now: now + 1) == 2)
        #expect(try await outbox.recordOutboxOutcomes([outcomes[2]], owner: "w", now: now + 2) == 1)

        let retrying = try #require(try await outbox.outboxMessage(id: "a"))
        #expect(retrying.status == .failed && retrying.lastError == "451 4.3.0 busy")
        #expect(retrying.nextAttemptAt == now + 30 && retrying.leaseOwner == nil && retrying.attempts == 1)
        #expect(try await outbox.claimOutbox(owner: "w", limit: 5, now: now + 29, leaseUntil: now + 90).isEmpty)
        let retried = try await outbox.claimOutbox(owner: "w", limit: 5, now: now + 30, leaseUntil: now + 1000)
        #expect(retried.map(\.id) == ["a"] && retried.first?.attempts == 2)

        // Dead letters: newest failure first; never claimed; retried on request, attempts from zero.
        #expect(try await outbox.deadLetters(limit: 10).map(\.id) == ["c", "b"])
        #expect(try await outbox.deadLetters(limit: 1).map(\.id) == ["c"])
        let dead = try #require(try await outbox.outboxMessage(id: "b"))
        #expect(dead.status == .dead && dead.lastError == "550 5.1.1 unknown user" && dead.nextAttemptAt == nil)
        #expect(try await outbox.retryDeadLetter(id: "b", now: now + 100))
        #expect(try await !outbox.retryDeadLetter(id: "b", now: now + 100))  // not dead any more
        #expect(try await !outbox.retryDeadLetter(id: "a", now: now + 100))  // sending
        #expect(try await !outbox.retryDeadLetter(id: "zz", now: now + 100))
        #expect(try await outbox.deadLetters(limit: 10).map(\.id) == ["c"])
        let requeued = try #require(try await outbox.outboxMessage(id: "b"))
        #expect(requeued.status == .queued && requeued.attempts == 0 && requeued.nextAttemptAt == now + 100)
        let again = try await outbox.claimOutbox(owner: "w", limit: 5, now: now + 100, leaseUntil: now + 160)
        #expect(again.map(\.id) == ["b"] && again.first?.attempts == 1)
    }

    static func outboxWithdrawnIsFinal(_ store: any FlywheelStore) async throws {
        let outbox = try await outbox(store)
        let now = StoreFixtures.date(day: 10)
        _ = try await outbox.enqueue(outboxMessage("w1"))
        let claimed = try await outbox.claimOutbox(owner: "w", limit: 5, now: now, leaseUntil: now + 60)
        #expect(claimed.map(\.id) == ["w1"])
        let withdrawn = OutboxOutcome(id: "w1", attempt: 1, result: .withdrawn(reason: "withdrawn before delivery: unsubscribed"))
        #expect(try await outbox.recordOutboxOutcomes([withdrawn], owner: "w", now: now + 1) == 1)
        let stored = try #require(try await outbox.outboxMessage(id: "w1"))
        #expect(stored.status == .withdrawn && stored.lastError == "withdrawn before delivery: unsubscribed")
        #expect(stored.nextAttemptAt == nil && stored.leaseOwner == nil && stored.sentAt == nil)
        #expect(try await outbox.claimOutbox(owner: "w", limit: 5, now: now + 10_000, leaseUntil: now + 20_000).isEmpty)
        #expect(try await outbox.deadLetters(limit: 10).isEmpty)
        #expect(try await !outbox.retryDeadLetter(id: "w1", now: now + 2))
    }

    static func outboxDeadLetterPagesAndDiscard(_ store: any FlywheelStore) async throws {
        let outbox = try await outbox(store)
        let now = StoreFixtures.date(day: 10)
        let ids = ["d1", "d2", "d3", "d4", "d5"]
        for id in ids + ["live"] { _ = try await outbox.enqueue(outboxMessage(id)) }
        _ = try await outbox.claimOutbox(owner: "w", limit: 10, now: now, leaseUntil: now + 60)
        // d1 and d2 fail at the same instant (ties go by id), the others later, d5 last.
        let failedAt: [String: TimeInterval] = ["d1": 1, "d2": 1, "d3": 2, "d4": 3, "d5": 4]
        for id in ids {
            let outcome = OutboxOutcome(id: id, attempt: 1, result: .dead(error: "550 5.1.1 unknown user \(id)"))
            #expect(try await outbox.recordOutboxOutcomes([outcome], owner: "w", now: now + failedAt[id]!) == 1)
        }
        let first = try await outbox.deadLetters(after: nil, limit: 2)
        #expect(first.map(\.id) == ["d5", "d4"])
        let second = try await outbox.deadLetters(after: DeadLetterCursor(after: try #require(first.last)), limit: 2)
        #expect(second.map(\.id) == ["d3", "d1"])
        let third = try await outbox.deadLetters(after: DeadLetterCursor(after: try #require(second.last)), limit: 2)
        #expect(third.map(\.id) == ["d2"])
        #expect(try await outbox.deadLetters(after: DeadLetterCursor(after: try #require(third.last)), limit: 2).isEmpty)

        // Discard: final, off the list, not retryable, its key still taken.
        #expect(try await outbox.discardDeadLetter(id: "d4", now: now + 10))
        #expect(try await !outbox.discardDeadLetter(id: "d4", now: now + 11))
        #expect(try await !outbox.discardDeadLetter(id: "live", now: now + 11))  // sending, not dead
        #expect(try await !outbox.discardDeadLetter(id: "zz", now: now + 11))
        let discarded = try #require(try await outbox.outboxMessage(id: "d4"))
        #expect(discarded.status == .discarded && discarded.nextAttemptAt == nil && discarded.updatedAt == now + 10)
        #expect(try await !outbox.retryDeadLetter(id: "d4", now: now + 12))
        #expect(try await outbox.deadLetters(limit: 10).map(\.id) == ["d5", "d3", "d1", "d2"])
        #expect(try await outbox.claimOutbox(owner: "w2", limit: 10, now: now + 10_000, leaseUntil: now + 20_000).map(\.id) == ["live"])
        #expect(try await outbox.enqueue(outboxMessage("d4-again", key: discarded.idempotencyKey)).isNew == false)
    }

    static func outboxConcurrentClaims(_ store: any FlywheelStore) async throws {
        let outbox = try await outbox(store)
        let now = StoreFixtures.date(day: 10)
        let ids = (0..<60).map { "m\($0 < 10 ? "0" : "")\($0)" }
        for id in ids { _ = try await outbox.enqueue(outboxMessage(id)) }
        let claims = try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0..<6 {
                group.addTask {
                    var mine: [String] = []
                    while true {
                        let batch = try await outbox.claimOutbox(
                            owner: "w\(worker)", limit: 4, now: now, leaseUntil: now + 300)
                        if batch.isEmpty { return mine }
                        mine += batch.map(\.id)
                    }
                }
            }
            var all: [[String]] = []
            for try await claimed in group { all.append(claimed) }
            return all
        }
        let claimed = claims.flatMap { $0 }
        #expect(claimed.count == ids.count)
        #expect(Set(claimed) == Set(ids))
    }

    static func outboxBatchEnqueue(_ store: any FlywheelStore) async throws {
        let outbox = try await outbox(store)
        let early = outboxMessage("m1", createdAt: StoreFixtures.date(day: 1))
        _ = try await outbox.enqueue(early)
        #expect(try await outbox.enqueue([OutboxMessage]()).isEmpty)
        #expect(try await outbox.storedOutboxKeys([]).isEmpty)

        // A stored key, two new messages and a key repeated within the batch: one result per message, in order.
        var sameKeyAsStored = outboxMessage("m9", key: early.idempotencyKey, createdAt: StoreFixtures.date(day: 5))
        sameKeyAsStored.content.text = "other"
        let second = outboxMessage("m2", createdAt: StoreFixtures.date(day: 2))
        let sms = outboxMessage("m3", customer: "c2", channel: .sms, createdAt: StoreFixtures.date(day: 3))
        let repeated = outboxMessage("m4", key: second.idempotencyKey, createdAt: StoreFixtures.date(day: 4))
        let results = try await outbox.enqueue([sameKeyAsStored, second, sms, repeated])
        #expect(results == [
            OutboxEnqueued(message: early, isNew: false), OutboxEnqueued(message: second, isNew: true),
            OutboxEnqueued(message: sms, isNew: true), OutboxEnqueued(message: second, isNew: false),
        ])
        #expect(try await outbox.outboxMessage(id: "m2") == second)
        #expect(try await outbox.outboxMessage(id: "m3") == sms)
        #expect(try await outbox.outboxMessage(id: "m4") == nil)
        #expect(try await outbox.outboxMessage(id: "m9") == nil)
        #expect(try await outbox.storedOutboxKeys([early.idempotencyKey, sms.idempotencyKey, "nobody/x/1"])
            == [early.idempotencyKey, sms.idempotencyKey])
        // The new ones are claimable like singly queued ones.
        let claimed = try await outbox.claimOutbox(
            owner: "w", limit: 10, now: StoreFixtures.date(day: 10), leaseUntil: StoreFixtures.date(day: 11))
        #expect(claimed.map(\.id) == ["m1", "m2", "m3"])

        // All or nothing: an id taken by another key, or an invalid message, stores none of the batch.
        let fresh = outboxMessage("m5")
        await #expect(throws: OutboxStoreError.duplicateID("m2")) {
            try await outbox.enqueue([fresh, outboxMessage("m2", key: "another/key/1")])
        }
        var noSubject = outboxMessage("m6")
        noSubject.content.subject = nil
        await #expect(throws: OutboxStoreError.invalidMessage(id: "m6", reason: "an e-mail needs a subject")) {
            try await outbox.enqueue([fresh, noSubject])
        }
        await #expect(throws: OutboxStoreError.duplicateID("m7")) {
            try await outbox.enqueue([fresh, outboxMessage("m7", key: "k/1"), outboxMessage("m7", key: "k/2")])
        }
        #expect(try await outbox.outboxMessage(id: "m5") == nil)
        #expect(try await outbox.storedOutboxKeys([fresh.idempotencyKey, "k/1"]).isEmpty)
        // Many at once (more than any statement's parameter limit would allow in one row list).
        let many = (0..<1_500).map { outboxMessage("n\($0)", customer: "c9", createdAt: StoreFixtures.date(day: 6)) }
        #expect(try await outbox.enqueue(many).allSatisfy(\.isNew))
        #expect(try await outbox.storedOutboxKeys(many.map(\.idempotencyKey)).count == 1_500)
        #expect(try await outbox.outboxMessages(customerID: "c9").count == 1_500)
    }

    static func outboxClaimsByChannel(_ store: any FlywheelStore) async throws {
        let outbox = try await outbox(store)
        let now = StoreFixtures.date(day: 10)
        _ = try await outbox.enqueue([
            outboxMessage("e1", createdAt: StoreFixtures.date(day: 1)),
            outboxMessage("s1", channel: .sms, createdAt: StoreFixtures.date(day: 2)),
            outboxMessage("e2", createdAt: StoreFixtures.date(day: 3)),
        ])
        #expect(try await outbox.claimOutbox(owner: "w", limit: 10, now: now, leaseUntil: now + 60, channels: []).isEmpty)
        let mail = try await outbox.claimOutbox(owner: "w", limit: 10, now: now, leaseUntil: now + 60, channels: [.email])
        #expect(mail.map(\.id) == ["e1", "e2"])
        let sms = try #require(try await outbox.outboxMessage(id: "s1"))
        #expect(sms.status == .queued && sms.attempts == 0)
        let rest = try await outbox.claimOutbox(owner: "w", limit: 10, now: now, leaseUntil: now + 60, channels: OutboxChannel.every)
        #expect(rest.map(\.id) == ["s1"])
    }
}
