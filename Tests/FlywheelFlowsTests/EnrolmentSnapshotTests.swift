import FlywheelCore
import Foundation
import Testing

@testable import FlywheelFlows

@Suite("Enrolment snapshots: the scheduler row's state, read back equal")
struct EnrolmentSnapshotTests {
    typealias S = FlowsTestSupport

    static let money = Money(minorUnits: 4_990, currency: .eur)

    /// Every trigger event kind, and every history outcome, state and exit and skip reason.
    static let events: [TriggerEvent] = [
        .orderPlaced(orderID: "o_1", number: 2, total: money), .orderPaid(orderID: "o"), .orderShipped(orderID: "o"),
        .expectedDeliveryReached(orderID: "o"), .orderDelivered(orderID: "ö—ü"), .shipmentLate(orderID: "o", daysLate: 3),
        .orderRefunded(orderID: "o", amount: Money(minorUnits: 5, currency: CurrencyCode("JPY")!), full: true),
        .reviewLeft(reviewID: "r", rating: 4), .surveyAnswered(answerID: "a", score: 9, band: .promoter),
        .lapsed(.pAlive), .vipReached(rankPercent: 5), .tierChanged(from: nil, to: "gold"),
        .tierChanged(from: "silver", to: "gold"), .pointsExpiring(points: 120, on: CivilDate(year: 2027, month: 2, day: 28)!),
        .birthday, .firstOrderAnniversary(years: 2), .cartAbandoned(cartID: "cart", value: money),
        .replenishmentDue(sku: "TEA-1"), .segmentSend(segment: "vip", campaign: "spring"),
        .messageAnswered(orderID: nil, answer: "no"), .messageAnswered(orderID: "o", answer: "yes"),
    ]

    static let outcomes: [EnrolmentRecord.Outcome] = [
        .entered(holdout: true), .waiting(until: S.utcInstant(2026, 1, 2, 3, 4)), .resumed(by: .messageAnswered),
        .branched(taken: false), .variant("b"), .sent(.sms, .existingCustomer),
        .postponed(until: S.utcInstant(2026, 1, 3), .quietHours), .skipped(.holdout), .skipped(.noAddress(.email)),
        .skipped(.suppressed(.sms, .hardBounce)), .skipped(.noConsent(.sms)), .skipped(.orderInTransit),
        .skipped(.recentlyMessaged(lastAt: Date(timeIntervalSince1970: 1_234.567_891))), .skipped(.frequencyCap(limit: 3)),
        .skipped(.heldBack(byFlow: "vip")), .performed, .exited(.completed),
        .exited(.goalReached(goal: 1, event: .reviewLeft)), .exited(.eventTimeout(stepID: "w")),
        .exited(.missingDate(stepID: "d", .birthday)), .exited(.stepLimit), .exited(.cancelled("erased")),
    ]

    static let states: [EnrolmentState] = [
        .ready, .waiting(until: S.utcInstant(2026, 5, 1)), .waitingForEvent(timeout: S.utcInstant(2026, 5, 2)),
        .postponed(until: S.utcInstant(2026, 5, 3, 8)), .finished(.goalReached(goal: 0, event: .orderPlaced)),
    ]

    @Test("every event, state and history outcome round-trips")
    func roundTrip() throws {
        for (index, event) in Self.events.enumerated() {
            let state = Self.states[index % Self.states.count]
            let history = Self.outcomes.enumerated().map {
                EnrolmentRecord(at: S.utcInstant(2026, 1, 1).addingTimeInterval(Double($0.offset) * 0.001), step: $0.offset - 1, outcome: $0.element)
            }
            let enrolment = Enrolment(
                restoring: "enr_\(index)", customerID: "c_ü", flowID: "flow", flowVersion: 3,
                enteredAt: Date(timeIntervalSince1970: 1_767_225_600.123), holdout: index % 2 == 0, entryEvent: event,
                stepIndex: index, state: state, variant: index % 3 == 0 ? nil : "a",
                lastEvent: Self.events[(index + 1) % Self.events.count], history: history)
            #expect(try Enrolment(snapshot: enrolment.snapshot()) == enrolment)
        }
    }

    @Test("an enrolment stored mid-flow and restored advances exactly as the original")
    func restoredAdvancesTheSame() throws {
        let program = try S.program(
            S.flow(steps: [
                FlowStep(id: "wait", kind: .wait(.duration(.days(2))), next: "send"),
                FlowStep(id: "send", kind: S.email("review_request", feedback: true)),
            ]))
        let start = S.utcInstant(2026, 3, 2, 12)
        var original = Enrolment(id: "enr_1", program: program, entry: S.delivered(at: start))
        _ = original.advance(in: program, now: start, facts: S.consenting(), policy: S.permissive)
        var restored = try Enrolment(snapshot: original.snapshot())
        let later = start.addingTimeInterval(2 * 86_400)
        let a = original.advance(in: program, now: later, facts: S.consenting(), policy: S.permissive)
        let b = restored.advance(in: program, now: later, facts: S.consenting(), policy: S.permissive)
        #expect(!S.sends(a).isEmpty)
        #expect(a == b)
        #expect(original == restored)
    }

    @Test("cut-short bytes, another format version and unknown tags are refused, not trapped on")
    func refusesBadBytes() throws {
        let program = try S.program(S.flow(steps: [FlowStep(id: "send", kind: S.email("review_request", feedback: true))]))
        let bytes = [UInt8](Enrolment(id: "enr_1", program: program, entry: S.delivered(at: S.utcInstant(2026, 1, 1))).snapshot())
        for length in [0, 1, 5, bytes.count / 2, bytes.count - 1] {
            #expect(throws: EnrolmentSnapshotError.self) { try Enrolment(snapshot: Data(bytes.prefix(length))) }
        }
        var newer = bytes
        newer[0] = 99
        #expect(throws: EnrolmentSnapshotError.unsupportedVersion(99)) { try Enrolment(snapshot: Data(newer)) }
        #expect(throws: EnrolmentSnapshotError.self) { try Enrolment(snapshot: Data(bytes + [0])) }
    }
}
