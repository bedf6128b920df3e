import FlywheelCore
import Foundation
import Testing

@testable import FlywheelFlows

@Suite("Cart abandonment: when an open checkout becomes an abandoned cart")
struct CartAbandonmentDetectorTests {
    typealias S = FlowsTestSupport
    let created = S.utcInstant(2026, 11, 24, 10)
    let hour = FlowDuration.hours(1)

    func checkout(
        updated: TimeInterval = 600, completed: Date? = nil, order: String? = nil,
        lines: [CheckoutLine] = [CheckoutLine(sku: "TEA", title: "Tee", quantity: 2, unitPriceMinor: 1_250)]
    ) -> Checkout {
        Checkout(
            externalID: "tok-1", customerExternalID: "c1", email: "c1@example.com", createdAt: created,
            updatedAt: created.addingTimeInterval(updated), currency: .eur,
            totalMinor: lines.reduce(0) { $0 + $1.totalMinor }, lines: lines,
            recoveryURL: "https://shop.example/cart/tok-1", completedAt: completed, orderExternalID: order)
    }

    func verdict(
        _ checkout: Checkout, customer: String? = "c1", orders: [Date] = [], after: FlowDuration? = nil,
        at now: Date
    ) -> CartAbandonmentDetector.Verdict {
        CartAbandonmentDetector().verdict(
            AbandonedCheckout(checkout: checkout, customerID: customer, orderTimes: orders), after: after ?? hour,
            now: now)
    }

    @Test("abandoned exactly `after` past the last update, not before; the event carries the cart's value")
    func window() throws {
        let cart = checkout()
        let updated = created.addingTimeInterval(600)
        #expect(verdict(cart, at: updated.addingTimeInterval(3_599)) == .notYet(until: updated.addingTimeInterval(3_600)))
        guard case .abandoned(let detected) = verdict(cart, at: updated.addingTimeInterval(3_600)) else {
            Issue.record("not abandoned after an hour")
            return
        }
        #expect(detected.event.customerID == "c1")
        #expect(detected.event.occurredAt == updated.addingTimeInterval(3_600))
        #expect(detected.event.trigger == .cartAbandoned(cartID: "tok-1", value: Money(minorUnits: 2_500, currency: .eur)))
        #expect(detected.event.trigger.value(of: .cartValue) == .int(2_500))
        #expect(detected.key == "cart_abandoned/tok-1/\(Int(updated.timeIntervalSince1970))")
    }

    @Test("the flow's own window: 4 hours is not yet abandoned after 2")
    func perFlowWindow() {
        let cart = checkout(updated: 0)
        #expect(verdict(cart, after: .hours(4), at: created.addingTimeInterval(7_200))
            == .notYet(until: created.addingTimeInterval(14_400)))
        #expect(CartAbandonmentDetector().events(
            [AbandonedCheckout(checkout: cart, customerID: "c1")], after: .minutes(30),
            now: created.addingTimeInterval(7_200)).count == 1)
    }

    @Test("an update moves the window and gives a new key (the cart may be reminded of again)")
    func updates() throws {
        let first = checkout(updated: 0)
        let later = checkout(updated: 5_000)
        let now = created.addingTimeInterval(5_000 + 3_600)
        let a = CartAbandonmentDetector().events([AbandonedCheckout(checkout: first, customerID: "c1")], after: hour, now: now)
        let b = CartAbandonmentDetector().events([AbandonedCheckout(checkout: later, customerID: "c1")], after: hour, now: now)
        #expect(a.count == 1 && b.count == 1)
        #expect(a[0].key != b[0].key)
        // The updated cart is not abandoned before an hour after its update.
        #expect(verdict(later, at: created.addingTimeInterval(5_000 + 1_800)) == .notYet(until: now))
        // The same data later gives the same key (hourly sweeps enter it once).
        let again = CartAbandonmentDetector().events(
            [AbandonedCheckout(checkout: later, customerID: "c1")], after: hour, now: now.addingTimeInterval(3_600))
        #expect(again.map(\.key) == b.map(\.key))
    }

    @Test("completed or turned into an order: never abandoned")
    func completed() {
        let now = created.addingTimeInterval(86_400)
        #expect(verdict(checkout(completed: created.addingTimeInterval(900)), at: now) == .completed)
        #expect(verdict(checkout(order: "1001"), at: now) == .completed)
    }

    @Test("an order placed after the checkout was created stops it; an order before does not")
    func orders() {
        let now = created.addingTimeInterval(86_400)
        let after = created.addingTimeInterval(120)
        #expect(verdict(checkout(), orders: [created.addingTimeInterval(-86_400), after], at: now) == .ordered(at: after))
        guard case .abandoned = verdict(checkout(), orders: [created.addingTimeInterval(-86_400)], at: now) else {
            Issue.record("an earlier order stopped the reminder")
            return
        }
    }

    @Test("a guest without a customer record (and so without consent) gets nothing")
    func guest() {
        var cart = checkout()
        cart.customerExternalID = nil
        #expect(verdict(cart, customer: nil, at: created.addingTimeInterval(86_400)) == .noCustomer)
    }

    @Test("empty carts and carts abandoned longer ago than the catch-up trigger nothing")
    func emptyAndOld() {
        #expect(verdict(checkout(lines: []), at: created.addingTimeInterval(86_400)) == .empty)
        #expect(verdict(checkout(), at: created.addingTimeInterval(600 + 3_600 + 3 * 86_400 + 1)) == .tooOld)
    }

    @Test("a trigger's `after`: read from files, only on cart_abandoned triggers, 5 minutes to 7 days")
    func triggerAfter() throws {
        let data = Data(#"{"event": "cart_abandoned", "after": "PT2H"}"#.utf8)
        let pattern = try JSONDecoder().decode(EventPattern.self, from: data)
        #expect(pattern.after == .hours(2) && pattern.abandonedAfter == .hours(2))
        #expect(EventPattern(event: .cartAbandoned).abandonedAfter == .minutes(60))
        let encoded = String(decoding: try JSONEncoder().encode(pattern), as: UTF8.self)
        #expect(encoded.contains(#""after":"PT2H""#))

        func problems(_ trigger: EventPattern, goals: [EventPattern] = []) -> [String] {
            FlowDefinition(
                id: "cart", name: "Cart", version: 1, messageClass: .marketing, trigger: trigger,
                steps: [FlowStep(id: "tag", kind: .tagCustomer("cart"))], goals: goals
            ).problems().map(\.description)
        }
        #expect(problems(EventPattern(event: .cartAbandoned, after: .hours(1))).isEmpty)
        #expect(problems(EventPattern(event: .cartAbandoned, after: .minutes(1))) == ["trigger.after: must be at least PT5M and at most P7D"])
        #expect(problems(EventPattern(event: .orderPlaced, after: .hours(1)))
            == ["trigger.after: only a cart_abandoned trigger waits before it fires"])
        #expect(problems(EventPattern(event: .cartAbandoned), goals: [EventPattern(event: .orderPlaced, after: .hours(1))])
            == ["goals[0].after: only a cart_abandoned trigger waits before it fires"])
    }
}
