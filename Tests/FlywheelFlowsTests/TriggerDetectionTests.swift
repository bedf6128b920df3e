import FlywheelCore
import Foundation
import Testing

@testable import FlywheelFlows

@Suite("Trigger detection: events from stored data and from the passing of time")
struct TriggerDetectionTests {
    typealias S = FlowsTestSupport
    let now = S.utcInstant(2026, 11, 24, 12)

    func order(_ id: String, _ customer: String? = "c1", at: Date, total: Int64 = 5_000, status: FinancialStatus = .paid,
               cancelled: Date? = nil) -> Order {
        Order(externalID: id, customerExternalID: customer, placedAt: at, currency: .eur, subtotalMinor: total,
              totalMinor: total, financialStatus: status, cancelledAt: cancelled)
    }

    @Test("a fresh order gives placed (with its number) and paid; history, cancelled and anonymous orders give nothing")
    func orders() {
        var batch = IngestBatch()
        batch.orders = [
            order("o2", at: now.addingTimeInterval(-3600)),
            order("o0", at: now.addingTimeInterval(-400 * 86_400)),
            order("o3", at: now.addingTimeInterval(-60), status: .pending),
            order("ox", at: now.addingTimeInterval(-60), cancelled: now),
            order("oa", nil, at: now.addingTimeInterval(-60)),
        ]
        let events = IngestTriggerDetector().events(
            in: batch, context: IngestTriggerContext(orderNumbers: ["o2": 2, "o3": 3]), now: now)
        #expect(events.map(\.key) == ["order_placed/o2", "order_paid/o2", "order_placed/o3"])
        #expect(events[0].event.trigger == .orderPlaced(orderID: "o2", number: 2, total: Money(minorUnits: 5_000, currency: .eur)))
        #expect(events[0].event.customerID == "c1")
    }

    @Test("shipments: shipped, delivered, and delivered after the promise is late by whole days (rounded up)")
    func shipments() {
        let placed = order("o1", at: now.addingTimeInterval(-5 * 86_400))
        var batch = IngestBatch()
        batch.shipments = [
            Shipment(externalID: "s1", orderExternalID: "o1", shippedAt: now.addingTimeInterval(-30 * 3600),
                     promisedBy: now.addingTimeInterval(-30 * 3600), deliveredAt: now.addingTimeInterval(-3600)),
            Shipment(externalID: "s9", orderExternalID: "unknown", shippedAt: now),
        ]
        let context = IngestTriggerContext(orders: ["o1": placed])
        let events = IngestTriggerDetector().events(in: batch, context: context, now: now)
        #expect(events.map(\.key) == ["order_shipped/s1", "order_delivered/s1", "shipment_late/s1"])
        #expect(events[2].event.trigger == .shipmentLate(orderID: "o1", daysLate: 2))
        // The same batch again: the same keys (the scheduler enters each once).
        #expect(IngestTriggerDetector().events(in: batch, context: context, now: now.addingTimeInterval(60)).map(\.key)
            == events.map(\.key))
    }

    @Test("a refund is full when all refunds reach the order total")
    func refunds() {
        let placed = order("o1", at: now.addingTimeInterval(-86_400), total: 5_000)
        var batch = IngestBatch()
        batch.refunds = [Refund(externalID: "r2", orderExternalID: "o1", createdAt: now, amountMinor: 2_000, currency: .eur)]
        let partial = IngestTriggerDetector().events(
            in: batch, context: IngestTriggerContext(orders: ["o1": placed], refundedMinor: ["o1": 2_000]), now: now)
        #expect(partial.map(\.event.trigger) == [.orderRefunded(orderID: "o1", amount: Money(minorUnits: 2_000, currency: .eur), full: false)])
        let full = IngestTriggerDetector().events(
            in: batch, context: IngestTriggerContext(orders: ["o1": placed], refundedMinor: ["o1": 5_000]), now: now)
        #expect(full.map(\.event.trigger) == [.orderRefunded(orderID: "o1", amount: Money(minorUnits: 2_000, currency: .eur), full: true)])
    }

    @Test("reviews and NPS answers (by band); other survey questions trigger nothing")
    func feedback() {
        var batch = IngestBatch()
        batch.reviews = [Review(externalID: "rv1", customerExternalID: "c1", sku: "TEA", rating: 5, createdAt: now)]
        batch.surveyAnswers = [
            SurveyAnswer(externalID: "a1", customerExternalID: "c1", question: .nps, score: 6, answeredAt: now),
            SurveyAnswer(externalID: "a2", customerExternalID: "c1", question: .csat, score: 5, answeredAt: now),
        ]
        let events = IngestTriggerDetector().events(in: batch, context: IngestTriggerContext(), now: now)
        #expect(events.map(\.key) == ["review_left/rv1", "survey_answered/a1"])
        #expect(events[1].event.trigger == .surveyAnswered(answerID: "a1", score: 6, band: .detractor))
    }

    @Test("birthday and anniversary on their day in the customer's zone, once per year; 29 February on the 28th")
    func annual() {
        let sweep = ScheduledTriggerSweep(calendar: ShopCalendar(timeZone: S.berlin))
        let leap = SweepCustomer(id: "c1", birthday: CivilDate(year: 1992, month: 2, day: 29)!,
                                 firstOrderAt: S.berlinInstant(2024, 2, 28, 15), timeZone: S.berlin)
        let onThe28th = S.berlinInstant(2026, 2, 28, 9)
        let events = sweep.events(customers: [leap], inputs: SweepInputs(), now: onThe28th)
        #expect(events.map(\.key) == ["birthday/2026", "first_order_anniversary/2"])
        #expect(events[1].event.trigger == .firstOrderAnniversary(years: 2))
        // The day before: nothing yet; a week later: past the catch-up window.
        #expect(sweep.events(customers: [leap], inputs: SweepInputs(), now: S.berlinInstant(2026, 2, 27, 23)).isEmpty)
        #expect(sweep.events(customers: [leap], inputs: SweepInputs(), now: S.berlinInstant(2026, 3, 7, 9)).isEmpty)
    }

    @Test("lapse when the learned window has run out, not for customers who lapsed long ago; VIP in the top 5 %")
    func lapseAndVIP() {
        let sweep = ScheduledTriggerSweep(calendar: ShopCalendar(timeZone: S.berlin), pAliveThreshold: 0.3)
        let customers = [
            SweepCustomer(id: "due", lastOrderAt: now.addingTimeInterval(-61 * 86_400), lapseWindowDays: 60),
            SweepCustomer(id: "early", lastOrderAt: now.addingTimeInterval(-59 * 86_400), lapseWindowDays: 60),
            SweepCustomer(id: "ancient", lastOrderAt: now.addingTimeInterval(-900 * 86_400), lapseWindowDays: 60),
            SweepCustomer(id: "model", lastOrderAt: now.addingTimeInterval(-30 * 86_400), pAlive: 0.2),
            SweepCustomer(id: "vip", valueRankPercent: 4.2),
            SweepCustomer(id: "nearly", valueRankPercent: 5.5),
        ]
        let events = sweep.events(customers: customers, inputs: SweepInputs(), now: now)
        #expect(events.map(\.event.customerID) == ["due", "model", "vip"])
        #expect(events[0].event.trigger == .lapsed(.window))
        #expect(events[0].key == "lapsed/2026-09-24")
        #expect(events[1].event.trigger == .lapsed(.pAlive))
        #expect(events[2].event.trigger == .vipReached(rankPercent: 5))
    }

    @Test("open shipments: expected delivery reached at the promise, late a day after; replenishment; points expiry notice")
    func timed() {
        let sweep = ScheduledTriggerSweep(calendar: ShopCalendar(timeZone: S.berlin), expiryNoticeDays: 14)
        let inputs = SweepInputs(
            openShipments: [
                .init(shipmentID: "s1", orderID: "o1", customerID: "c1", promisedBy: now.addingTimeInterval(-2 * 86_400)),
                .init(shipmentID: "s2", orderID: "o2", customerID: "c2", promisedBy: now.addingTimeInterval(-3600)),
            ],
            lastPurchases: [
                .init(customerID: "c3", sku: "TEA", orderID: "o3", boughtAt: now.addingTimeInterval(-31 * 86_400), cycleDays: 30),
                .init(customerID: "c4", sku: "TEA", orderID: "o4", boughtAt: now.addingTimeInterval(-10 * 86_400), cycleDays: 30),
            ],
            expiringPoints: [
                .init(customerID: "c5", points: 120, on: CivilDate(year: 2026, month: 12, day: 7)!),
                .init(customerID: "c6", points: 80, on: CivilDate(year: 2027, month: 3, day: 1)!),
            ])
        let events = sweep.events(customers: [], inputs: inputs, now: now)
        #expect(events.map(\.key) == [
            "expected_delivery_reached/s1", "shipment_late/s1", "expected_delivery_reached/s2",
            "replenishment_due/o3/TEA", "points_expiring/2026-12-07",
        ])
        #expect(events[1].event.trigger == .shipmentLate(orderID: "o1", daysLate: 2))
        #expect(events[4].event.trigger == .pointsExpiring(points: 120, on: CivilDate(year: 2026, month: 12, day: 7)!))
    }
}
