import FlywheelCore
import Foundation
import Testing

@testable import FlywheelFlows

@Suite("Enrolment: the runner as a state machine that returns actions")
struct EnrolmentTests {
    typealias S = FlowsTestSupport

    /// Delivered → wait 2 days → 10:00 customer time → check-in → wait for the answer → "no" opens a ticket.
    private func checkIn() throws -> FlowProgram {
        try S.program(
            S.flow(
                id: "delivery_check_in",
                steps: [
                    FlowStep(id: "settle", kind: .wait(.duration(.days(2))), next: "morning"),
                    FlowStep(
                        id: "morning", kind: .wait(.untilTime(TimeOfDay(hour: 10, minute: 0)!, zone: .customer)),
                        next: "ask"),
                    FlowStep(id: "ask", kind: S.email("delivery_check_in", feedback: true), next: "answer"),
                    FlowStep(
                        id: "answer", kind: .wait(.untilEvent(EventWait(event: .messageAnswered, timeout: .days(7)))),
                        next: "check"),
                    FlowStep(
                        id: "check",
                        kind: .condition(.compare(.event(.answer), .eq, .string("no")), then: "ticket", else: nil)),
                    FlowStep(id: "ticket", kind: .openTicket(TicketSpec(topic: "make_it_right", priority: .high))),
                ]))
    }

    @Test("waits schedule their due time; advancing early does nothing; the send carries locale and subject")
    func waitsAndSend() throws {
        let program = try checkIn()
        let entered = S.berlinInstant(2026, 3, 2, 15, 0)
        var enrolment = Enrolment(id: "e1", program: program, entry: S.delivered(at: entered))
        let facts = S.consenting()

        let first = enrolment.advance(in: program, now: entered, facts: facts, policy: S.permissive)
        #expect(first == [.schedule(at: S.berlinInstant(2026, 3, 4, 15, 0), .wait)])
        #expect(
            enrolment.advance(in: program, now: S.berlinInstant(2026, 3, 3, 15, 0), facts: facts, policy: S.permissive)
                .isEmpty)

        let second = enrolment.advance(
            in: program, now: S.berlinInstant(2026, 3, 4, 15, 0), facts: facts, policy: S.permissive)
        #expect(second == [.schedule(at: S.berlinInstant(2026, 3, 5, 10, 0), .wait)], "10:00 already passed that day")

        let third = enrolment.advance(
            in: program, now: S.berlinInstant(2026, 3, 5, 10, 0), facts: facts, policy: S.permissive)
        let message = try #require(S.sends(third).first)
        #expect(message.template == "delivery_check_in")
        #expect(message.locale == .de)
        #expect(message.subject == "Betreff")
        #expect(message.basis == .consent)
        #expect(message.flowVersion == 1)
        #expect(S.schedules(third) == [S.berlinInstant(2026, 3, 12, 10, 0)])
        #expect(enrolment.state == .waitingForEvent(timeout: S.berlinInstant(2026, 3, 12, 10, 0)))
    }

    @Test("the answer \"no\" resumes the wait and opens a ticket; \"yes\" ends the flow")
    func answerBranches() throws {
        let program = try checkIn()
        let entered = S.berlinInstant(2026, 3, 2, 15, 0)
        let facts = S.consenting()
        func atAnswer() -> Enrolment {
            var enrolment = Enrolment(id: "e1", program: program, entry: S.delivered(at: entered))
            for day in [2, 4, 5] {
                _ = enrolment.advance(
                    in: program, now: S.berlinInstant(2026, 3, day, day == 5 ? 10 : 15, 0), facts: facts,
                    policy: S.permissive)
            }
            return enrolment
        }
        let answeredAt = S.berlinInstant(2026, 3, 6, 9, 0)
        var unhappy = atAnswer()
        let otherOrder = FlowEvent(
            customerID: "c1", occurredAt: answeredAt, trigger: .messageAnswered(orderID: "o2", answer: "no"))
        #expect(
            unhappy.handle(otherOrder, in: program, now: answeredAt, facts: facts, policy: S.permissive).isEmpty,
            "another order's answer")
        let no = FlowEvent(
            customerID: "c1", occurredAt: answeredAt, trigger: .messageAnswered(orderID: "o1", answer: "no"))
        let actions = unhappy.handle(no, in: program, now: answeredAt, facts: facts, policy: S.permissive)
        #expect(
            actions == [
                .openTicket(TicketSpec(topic: "make_it_right", priority: .high), key: "e1/ticket/7"), .exit(.completed),
            ])

        var happy = atAnswer()
        let yes = FlowEvent(
            customerID: "c1", occurredAt: answeredAt, trigger: .messageAnswered(orderID: "o1", answer: "yes"))
        #expect(
            happy.handle(yes, in: program, now: answeredAt, facts: facts, policy: S.permissive) == [.exit(.completed)])
    }

    @Test("no answer before the timeout: the flow ends with eventTimeout")
    func eventTimeout() throws {
        let program = try checkIn()
        var enrolment = Enrolment(
            id: "e1", program: program, entry: S.delivered(at: S.berlinInstant(2026, 3, 2, 15, 0)))
        let facts = S.consenting()
        for day in [2, 4, 5] {
            _ = enrolment.advance(
                in: program, now: S.berlinInstant(2026, 3, day, day == 5 ? 10 : 15, 0), facts: facts,
                policy: S.permissive)
        }
        let actions = enrolment.advance(
            in: program, now: S.berlinInstant(2026, 3, 12, 10, 0), facts: facts, policy: S.permissive)
        #expect(actions == [.exit(.eventTimeout(stepID: "answer"))])
        #expect(
            enrolment.advance(in: program, now: S.berlinInstant(2026, 4, 1), facts: facts, policy: S.permissive).isEmpty
        )
    }

    @Test("until_time in the customer's zone: 10:00 in New York is 15:00 UTC (winter)")
    func customerZone() throws {
        let program = try S.program(
            S.flow(steps: [
                FlowStep(
                    id: "morning", kind: .wait(.untilTime(TimeOfDay(hour: 10, minute: 0)!, zone: .customer)),
                    next: "tag"),
                FlowStep(id: "tag", kind: .tagCustomer("x")),
            ]))
        let now = S.utcInstant(2026, 1, 10, 12, 0)
        var inNewYork = Enrolment(id: "e", program: program, entry: S.delivered(at: now))
        #expect(
            S.schedules(
                inNewYork.advance(
                    in: program, now: now, facts: S.consenting { $0.timeZone = S.newYork }, policy: S.permissive))
                == [S.utcInstant(2026, 1, 10, 15, 0)])
        var unknownZone = Enrolment(id: "e", program: program, entry: S.delivered(at: now))
        #expect(
            S.schedules(
                unknownZone.advance(
                    in: program, now: now, facts: S.consenting { $0.timeZone = nil }, policy: S.permissive))
                == [S.utcInstant(2026, 1, 11, 9, 0)], "the shop's zone (Berlin): 10:00 tomorrow")
    }

    @Test("until_date: a day before the expected delivery at 09:00; past dates go on at once; unknown dates exit")
    func untilDate() throws {
        let program = try S.program(
            S.flow(steps: [
                FlowStep(
                    id: "before",
                    kind: .wait(
                        .untilDate(
                            DateWait(field: .expectedDelivery, offset: .days(-1), at: TimeOfDay(hour: 9, minute: 0)))),
                    next: "tag"),
                FlowStep(id: "tag", kind: .tagCustomer("x")),
            ]))
        let now = S.berlinInstant(2026, 5, 1, 12, 0)
        var enrolment = Enrolment(id: "e", program: program, entry: S.delivered(at: now))
        let facts = S.consenting { $0.expectedDeliveryAt = S.berlinInstant(2026, 5, 6, 14, 0) }
        #expect(
            S.schedules(enrolment.advance(in: program, now: now, facts: facts, policy: S.permissive)) == [
                S.berlinInstant(2026, 5, 5, 9, 0)
            ])

        var late = Enrolment(id: "e", program: program, entry: S.delivered(at: now))
        let lateFacts = S.consenting { $0.expectedDeliveryAt = S.berlinInstant(2026, 5, 1, 14, 0) }
        #expect(
            late.advance(in: program, now: now, facts: lateFacts, policy: S.permissive) == [
                .tagCustomer("x", key: "e/tag/1"), .exit(.completed),
            ])

        var unknown = Enrolment(id: "e", program: program, entry: S.delivered(at: now))
        #expect(
            unknown.advance(in: program, now: now, facts: S.consenting(), policy: S.permissive)
                == [.exit(.missingDate(stepID: "before", .expectedDelivery))])
    }

    @Test("birthday dates: next occurrence at local midnight; 29 February falls on the 28th")
    func birthdayOccurrence() throws {
        let program = try S.program(
            S.flow(steps: [
                FlowStep(
                    id: "bday", kind: .wait(.untilDate(DateWait(field: .birthday, at: TimeOfDay(hour: 9, minute: 0)))),
                    next: "tag"),
                FlowStep(id: "tag", kind: .tagCustomer("x")),
            ]))
        let now = S.berlinInstant(2027, 2, 20, 12, 0)
        var enrolment = Enrolment(id: "e", program: program, entry: S.delivered(at: now))
        let facts = S.consenting { $0.birthday = CivilDate(year: 1992, month: 2, day: 29) }
        #expect(
            S.schedules(enrolment.advance(in: program, now: now, facts: facts, policy: S.permissive)) == [
                S.berlinInstant(2027, 2, 28, 9, 0)
            ])
    }

    @Test("a goal (ordered again) ends the enrolment; the entry order itself is not a goal")
    func goalReached() throws {
        let program = try S.program(
            S.flow(
                trigger: EventPattern(event: .orderPlaced),
                steps: [
                    FlowStep(id: "wait", kind: .wait(.duration(.days(14))), next: "send"),
                    FlowStep(id: "send", kind: S.email("replenishment_reminder")),
                ],
                goals: [EventPattern(event: .orderPlaced)]))
        let entry = S.placed(order: "o1", number: 1, at: S.utcInstant(2026, 6, 1))
        var enrolment = Enrolment(id: "e", program: program, entry: entry)
        let facts = S.consenting()
        _ = enrolment.advance(in: program, now: entry.occurredAt, facts: facts, policy: S.permissive)
        let sameOrder = S.placed(order: "o1", number: 1, at: S.utcInstant(2026, 6, 1, 0, 5))
        #expect(
            enrolment.handle(sameOrder, in: program, now: sameOrder.occurredAt, facts: facts, policy: S.permissive)
                .isEmpty)
        let again = S.placed(order: "o2", number: 2, at: S.utcInstant(2026, 6, 5))
        #expect(
            enrolment.handle(again, in: program, now: again.occurredAt, facts: facts, policy: S.permissive)
                == [.exit(.goalReached(goal: 0, event: .orderPlaced))])
        #expect(
            enrolment.advance(in: program, now: S.utcInstant(2026, 6, 20), facts: facts, policy: S.permissive).isEmpty,
            "nothing after the goal")
    }

    @Test("conditions read facts: a value-tiered branch")
    func conditionBranch() throws {
        let program = try S.program(
            S.flow(steps: [
                FlowStep(
                    id: "value", kind: .condition(.compare(.totalSpent, .gte, .int(30_000)), then: "vip", else: "new")),
                FlowStep(id: "vip", kind: .givePoints(PointsSpec(points: 200, reason: "win_back"))),
                FlowStep(id: "new", kind: .issueCoupon(CouponSpec(percentOff: 10, validFor: .days(14)))),
            ]))
        let now = S.utcInstant(2026, 1, 1)
        var rich = Enrolment(id: "r", program: program, entry: S.delivered(at: now))
        #expect(
            rich.advance(
                in: program, now: now, facts: S.consenting { $0.totalSpentMinor = 50_000 }, policy: S.permissive)
                == [.givePoints(points: 200, reason: "win_back", key: "r/vip/2"), .exit(.completed)])
        var new = Enrolment(id: "n", program: program, entry: S.delivered(at: now))
        #expect(
            new.advance(in: program, now: now, facts: S.consenting(), policy: S.permissive)
                == [.issueCoupon(CouponSpec(percentOff: 10, validFor: .days(14)), key: "n/new/2"), .exit(.completed)])
    }

    @Test("holdout customers go through the flow but get no message and no incentive; tags still apply")
    func holdout() throws {
        let definition = S.flow(
            holdoutPercent: 50,
            steps: [
                FlowStep(id: "points", kind: .givePoints(PointsSpec(points: 10, reason: "r")), next: "mail"),
                FlowStep(id: "mail", kind: S.email("t"), next: "tag"),
                FlowStep(id: "tag", kind: .tagCustomer("seen")),
            ])
        let program = try S.program(definition)
        let now = S.utcInstant(2026, 1, 1)
        let customer = (0..<100).map { "c\($0)" }.first {
            StableAssignment.isHoldout(flowID: "test_flow", customerID: $0, basisPoints: 5_000)
        }!
        var enrolment = Enrolment(id: "h", program: program, entry: S.delivered(customer, at: now))
        #expect(enrolment.holdout)
        let actions = enrolment.advance(in: program, now: now, facts: S.consenting(), policy: S.permissive)
        #expect(
            actions == [
                .skip(stepID: "points", .holdout), .skip(stepID: "mail", .holdout),
                .tagCustomer("seen", key: "h/tag/3"),
                .exit(.completed),
            ])
    }

    @Test("quiet hours postpone the send (not drop it); the retry at the end of the window sends")
    func postponed() throws {
        let program = try S.program(S.flow(steps: [FlowStep(id: "mail", kind: S.email("t"))]))
        let policy = ContactPolicy(
            quietHours: QuietHours(start: TimeOfDay(hour: 21, minute: 0)!, end: TimeOfDay(hour: 8, minute: 0)!),
            shopTimeZone: S.berlin)
        let night = S.berlinInstant(2026, 7, 1, 23, 30)
        var enrolment = Enrolment(id: "q", program: program, entry: S.delivered(at: night))
        let facts = S.consenting()
        #expect(
            enrolment.advance(in: program, now: night, facts: facts, policy: policy)
                == [.schedule(at: S.berlinInstant(2026, 7, 2, 8, 0), .postponed(.quietHours))])
        #expect(
            enrolment.advance(in: program, now: S.berlinInstant(2026, 7, 2, 7, 0), facts: facts, policy: policy).isEmpty
        )
        let morning = enrolment.advance(
            in: program, now: S.berlinInstant(2026, 7, 2, 8, 0), facts: facts, policy: policy)
        #expect(S.sends(morning).count == 1)
        #expect(S.exits(morning) == [.completed])
    }

    @Test("advancing the same stored state twice gives the same actions and idempotency keys")
    func deterministicReplay() throws {
        let program = try checkIn()
        var enrolment = Enrolment(
            id: "e1", program: program, entry: S.delivered(at: S.berlinInstant(2026, 3, 2, 15, 0)))
        let facts = S.consenting()
        _ = enrolment.advance(in: program, now: S.berlinInstant(2026, 3, 2, 15, 0), facts: facts, policy: S.permissive)
        _ = enrolment.advance(in: program, now: S.berlinInstant(2026, 3, 4, 15, 0), facts: facts, policy: S.permissive)
        let stored = enrolment
        var firstRun = stored
        var replay = stored
        let a = firstRun.advance(
            in: program, now: S.berlinInstant(2026, 3, 5, 10, 0), facts: facts, policy: S.permissive)
        let b = replay.advance(in: program, now: S.berlinInstant(2026, 3, 5, 10, 0), facts: facts, policy: S.permissive)
        #expect(a == b)
        #expect(S.sends(a).map(\.idempotencyKey) == ["e1/ask/3"])
        #expect(firstRun == replay)
    }

    @Test("a customer's locale outside the flow's locales falls back to the flow's first locale")
    func localeFallback() throws {
        var definition = S.flow(steps: [FlowStep(id: "mail", kind: S.email("t"))])
        definition.locales = [.en]
        let program = try S.program(definition)
        let now = S.utcInstant(2026, 1, 1, 12)
        var enrolment = Enrolment(id: "l", program: program, entry: S.delivered(at: now))
        let message = try #require(
            S.sends(enrolment.advance(in: program, now: now, facts: S.consenting(), policy: S.permissive)).first)
        #expect(message.locale == .en)
        #expect(message.subject == "Subject")
    }

    @Test("versioning: a customer in flight stays on v1 after v2 is published; new entries get v2")
    func versions() throws {
        let v1 = S.flow(
            version: 1,
            steps: [
                FlowStep(id: "wait", kind: .wait(.duration(.days(1))), next: "mail"),
                FlowStep(id: "mail", kind: S.email("old")),
            ])
        var v2 = v1
        v2.version = 2
        v2.steps = [FlowStep(id: "mail", kind: S.email("new"))]
        var library = FlowLibrary()
        try library.publish(FlowProgram(v1))
        let now = S.utcInstant(2026, 1, 1, 12)
        var inFlight = Enrolment(id: "old", program: library.current("test_flow")!, entry: S.delivered(at: now))
        _ = inFlight.advance(in: library.current("test_flow")!, now: now, facts: S.consenting(), policy: S.permissive)
        try library.publish(FlowProgram(v2))
        #expect(throws: FlowLibraryError.self) { try library.publish(FlowProgram(v1)) }

        let own = try #require(library.program(inFlight.flowID, version: inFlight.flowVersion))
        let later = inFlight.advance(
            in: own, now: S.utcInstant(2026, 1, 2, 12), facts: S.consenting(), policy: S.permissive)
        #expect(S.sends(later).map(\.template) == ["old"])
        let newProgram = library.matcher().entries(
            for: S.delivered("c2", at: now), facts: S.consenting(), history: EntryHistory())
        #expect(newProgram.map(\.version) == [2])
        library.switchOff("test_flow")
        #expect(library.current("test_flow") == nil)
        #expect(library.program("test_flow", version: 1) != nil)
    }

    @Test("A/B split: the variant is stable per customer and recorded on the message")
    func split() throws {
        let program = try S.program(
            S.flow(steps: [
                FlowStep(
                    id: "ab",
                    kind: .split([
                        SplitVariant(variant: "a", weight: 1, next: "ma"),
                        SplitVariant(variant: "b", weight: 1, next: "mb"),
                    ])),
                FlowStep(id: "ma", kind: S.email("ta")),
                FlowStep(id: "mb", kind: S.email("tb")),
            ]))
        let now = S.utcInstant(2026, 1, 1, 12)
        var seen: [String: Int] = [:]
        for n in 0..<200 {
            var first = Enrolment(id: "x\(n)", program: program, entry: S.delivered("c\(n)", at: now))
            var second = Enrolment(id: "y\(n)", program: program, entry: S.delivered("c\(n)", at: now))
            let a = S.sends(first.advance(in: program, now: now, facts: S.consenting(), policy: S.permissive))
            let b = S.sends(second.advance(in: program, now: now, facts: S.consenting(), policy: S.permissive))
            #expect(a.map(\.template) == b.map(\.template))
            #expect(a.first?.variant == first.variant)
            seen[a.first?.template ?? "-", default: 0] += 1
        }
        #expect(seen.keys.sorted() == ["ta", "tb"])
        #expect((70...130).contains(seen["ta"] ?? 0))
    }
}

@Suite("Enrolment: cancelling from outside")
struct EnrolmentCancelTests {
    typealias S = FlowsTestSupport

    @Test("cancel ends a waiting enrolment once; later advances do nothing")
    func cancel() throws {
        let program = try S.program(
            S.flow(steps: [
                FlowStep(id: "wait", kind: .wait(.duration(.days(1))), next: "mail"),
                FlowStep(id: "mail", kind: S.email("t")),
            ]))
        let now = S.utcInstant(2026, 1, 1, 12)
        var enrolment = Enrolment(id: "c", program: program, entry: S.delivered(at: now))
        _ = enrolment.advance(in: program, now: now, facts: S.consenting(), policy: S.permissive)
        #expect(enrolment.cancel("flow switched off", now: now) == [.exit(.cancelled("flow switched off"))])
        #expect(enrolment.cancel("again", now: now).isEmpty)
        #expect(enrolment.dueAt == nil)
        #expect(
            enrolment.advance(in: program, now: S.utcInstant(2026, 1, 3), facts: S.consenting(), policy: S.permissive)
                .isEmpty)
    }
}
