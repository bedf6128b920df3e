import FlywheelCore
import Foundation
import Testing

@testable import FlywheelFlows

private typealias S = FlowsTestSupport

/// Attribution and the per-flow report on a hand-built shop: every number below is worked out by hand.
@Suite("Flow attribution")
struct FlowAttributionTests {
    static let entry = S.utcInstant(2026, 3, 1, 12)
    static let day: TimeInterval = 86_400

    static func order(_ id: String, _ customer: String, daysAfterEntry: Double, minor: Int64, cancelled: Bool = false)
        -> AttributableOrder
    {
        AttributableOrder(
            externalID: id, customerID: customer, placedAt: entry + daysAfterEntry * day,
            total: Money(minorUnits: minor, currency: .eur), cancelled: cancelled)
    }

    static func message(_ id: String, enrolment: String, status: OutboxStatus = .sent, opened: Bool = false,
        clicked: Bool = false) -> TrackedMessage
    {
        TrackedMessage(
            id: id, idempotencyKey: enrolment + "/mail/2", customerID: "x", status: status, createdAt: entry,
            openedAt: opened ? entry + 3_600 : nil, clickedAt: clicked ? entry + 7_200 : nil)
    }

    /// Ten treated customers t0…t9 (touched two days after entry, so their window ends on day 9) and ten
    /// held out h0…h9 (their skipped send at the same moment).
    static let enrolments: [MeasuredEnrolment] =
        (0..<10).map {
            MeasuredEnrolment(
                id: "et\($0)", customerID: "t\($0)", holdout: false, enteredAt: entry, lastTouchAt: entry + 2 * day,
                entryOrderID: "entry_t\($0)")
        }
        + (0..<10).map {
            MeasuredEnrolment(
                id: "eh\($0)", customerID: "h\($0)", holdout: true, enteredAt: entry, lastTouchAt: entry + 2 * day,
                entryOrderID: "entry_h\($0)")
        }

    static let orders: [AttributableOrder] = [
        // Converted: t0 (two orders, both counted in revenue), t1, t2 (on the window's last instant), h0.
        order("o1", "t0", daysAfterEntry: 1, minor: 2_000),
        order("o2", "t0", daysAfterEntry: 3, minor: 1_500),
        order("o3", "t1", daysAfterEntry: 5, minor: 4_000),
        order("o4", "t2", daysAfterEntry: 9, minor: 3_000),
        order("o5", "h0", daysAfterEntry: 4, minor: 2_500),
        // Not converted: the entry order itself, before entry, after the window, cancelled, another currency's
        // customer outside the flow.
        order("entry_t3", "t3", daysAfterEntry: 0.5, minor: 9_999),
        order("o6", "t4", daysAfterEntry: -1, minor: 9_999),
        order("o7", "t5", daysAfterEntry: 9.01, minor: 9_999),
        order("o8", "h1", daysAfterEntry: 10, minor: 9_999),
        order("o9", "t6", daysAfterEntry: 2, minor: 9_999, cancelled: true),
        order("o10", "stranger", daysAfterEntry: 2, minor: 9_999),
    ]

    @Test("treated 3/10 converted, holdout 1/10: lift 0.2 with Newcombe's interval −0.1598…0.5141")
    func handBuiltShop() throws {
        let messages = [
            Self.message("m0", enrolment: "et0", opened: true),
            Self.message("m1", enrolment: "et1", opened: true, clicked: true),
            Self.message("m2", enrolment: "et2", clicked: true),  // a click without the pixel is an open too
            Self.message("m3", enrolment: "et3"),
            Self.message("m4", enrolment: "et4", status: .dead),
            Self.message("m5", enrolment: "et5", status: .queued),
            Self.message("m9", enrolment: "elsewhere"),  // an enrolment outside the period
        ]
        let measured = FlowAttribution(currency: .eur).measure(
            flowID: "review_request", enrolments: Self.enrolments, messages: messages, orders: Self.orders)
        let counts = measured.report.counts
        #expect(
            counts
                == FlowCounts(
                    currency: .eur, entered: 10, holdoutEntered: 10, sent: 6, delivered: 4, opened: 3, clicked: 2,
                    converted: 3, holdoutConverted: 1, revenueMinor: 10_500, holdoutRevenueMinor: 2_500))
        // Wilson 3/10: centre (0.3 + 1.92073/10)/(1 + 3.84146/10) = 0.35550, half 1.41600 × 0.17494 = 0.24771
        // → [0.10779, 0.60322]. Wilson 1/10: centre 0.21101, half 1.41600 × 0.13640 = 0.19314 → [0.01788,
        // 0.40415]. Newcombe: L = 0.2 − √(0.19221² + 0.30415²) = −0.15979, U = 0.2 + √(0.30322² + 0.08212²)
        // = 0.51415.
        let lift = try #require(measured.report.incrementalRepeatRate)
        #expect(abs(lift.estimate - 0.2) < 1e-12)
        #expect(abs(lift.lower - -0.15979) < 5e-5)
        #expect(abs(lift.upper - 0.51415) < 5e-5)
        #expect(!lift.excludesZero)
        // Revenue per treated 1,050 − per held out 250 = 800 minor units × 10 treated.
        #expect(measured.report.incrementalRevenue == Money(minorUnits: 8_000, currency: .eur))
        #expect(measured.report.openRate == 0.75)
        #expect(measured.report.deliveryRate == 4.0 / 6.0)
        #expect(measured.variants.isEmpty)
    }

    @Test("a longer window reaches later orders; a shorter one loses them, for both groups alike")
    func windows() {
        let long = FlowAttribution(currency: .eur, window: 9 * Self.day).measure(
            flowID: "f", enrolments: Self.enrolments, messages: [], orders: Self.orders)
        // Window ends on day 11: t5 (day 9.01) and h1 (day 10) now convert.
        #expect(long.report.counts.converted == 4)
        #expect(long.report.counts.holdoutConverted == 2)
        let short = FlowAttribution(currency: .eur, window: 1 * Self.day).measure(
            flowID: "f", enrolments: Self.enrolments, messages: [], orders: Self.orders)
        // Ends on day 3: t0 (days 1 and 3) only; h0 (day 4) is out.
        #expect(short.report.counts.converted == 1)
        #expect(short.report.counts.revenue.minorUnits == 3_500)
        #expect(short.report.counts.holdoutConverted == 0)
    }

    @Test("variants: each compares its treated customers with the holdout customers the split gave it")
    func variants() {
        var enrolments = Self.enrolments
        for index in enrolments.indices { enrolments[index].variant = index % 2 == 0 ? "a" : "b" }
        let measured = FlowAttribution(currency: .eur).measure(
            flowID: "win_back", enrolments: enrolments, messages: [], orders: Self.orders)
        #expect(measured.variants.map(\.variant) == ["a", "b"])
        // a: t0 t2 t4 t6 t8 (t0, t2 converted) and h0 h2 h4 h6 h8 (h0); b: t1 t3 t5 t7 t9 (t1) and h1 … (none).
        let a = measured.variants[0].report.counts
        let b = measured.variants[1].report.counts
        #expect((a.entered, a.converted, a.holdoutEntered, a.holdoutConverted) == (5, 2, 5, 1))
        #expect((b.entered, b.converted, b.holdoutEntered, b.holdoutConverted) == (5, 1, 5, 0))
        #expect(measured.report.counts.converted == 3)
    }

    @Test("from stored enrolments: holdout, variant and the last touch come from the history")
    func fromSnapshots() throws {
        let program = try S.program(
            S.flow(
                holdoutPercent: 50,
                steps: [
                    FlowStep(id: "wait", kind: .wait(.duration(.days(2))), next: "mail"),
                    FlowStep(id: "mail", kind: S.email("t")),
                ]))
        let start = Self.entry
        let customers = (0..<40).map { "c\($0)" }
        let held = try #require(customers.first { StableAssignment.isHoldout(flowID: "test_flow", customerID: $0, basisPoints: 5_000) })
        let treated = try #require(customers.first { !StableAssignment.isHoldout(flowID: "test_flow", customerID: $0, basisPoints: 5_000) })
        var rows: [StoredEnrolment] = []
        for (id, customer) in [("e1", treated), ("e2", held)] {
            var enrolment = Enrolment(id: id, program: program, entry: S.delivered(customer, at: start))
            _ = enrolment.advance(in: program, now: start, facts: S.consenting(), policy: S.permissive)
            _ = enrolment.advance(in: program, now: start + 2 * Self.day, facts: S.consenting(), policy: S.permissive)
            #expect(MeasuredEnrolment(enrolment).lastTouchAt == start + 2 * Self.day)
            rows.append(
                StoredEnrolment(
                    id: id, customerID: customer, flowID: "test_flow", flowVersion: 1, entryKey: id,
                    state: enrolment.snapshot(), dueAt: nil, status: .finished, createdAt: start, updatedAt: start))
        }
        rows.append(
            StoredEnrolment(
                id: "e3", customerID: "c99", flowID: "test_flow", flowVersion: 1, entryKey: "e3", state: Data([0xFF]),
                dueAt: nil, createdAt: start, updatedAt: start))
        let records = FlowMeasurementRecords(
            enrolments: rows, messages: [Self.message("m1", enrolment: "e1", opened: true)],
            orders: [
                Self.order("o_next", treated, daysAfterEntry: 8.5, minor: 1_000),  // within 7 days of the send on day 2
                Self.order("o2", held, daysAfterEntry: 9.5, minor: 1_000),  // after the window
            ])
        let measured = FlowAttribution(currency: .eur).measure(flowID: "test_flow", records)
        #expect(measured.unreadable == 1)
        #expect(
            measured.report.counts
                == FlowCounts(
                    currency: .eur, entered: 1, holdoutEntered: 1, sent: 1, delivered: 1, opened: 1, converted: 1,
                    revenueMinor: 1_000))
    }
}
