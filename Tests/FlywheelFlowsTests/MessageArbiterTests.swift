import Foundation
import Testing

@testable import FlywheelFlows

@Suite("MessageArbiter: one most valuable marketing message per customer and window")
struct MessageArbiterTests {
    typealias S = FlowsTestSupport

    private func message(
        _ flow: String, customer: String = "c1", priority: Int, value: Int64 = 0,
        class messageClass: MessageClass = .marketing, hour: Int = 10
    ) -> OutgoingMessage {
        OutgoingMessage(
            idempotencyKey: "\(flow)/\(customer)", customerID: customer, flowID: flow, flowVersion: 1, stepID: "s",
            channel: .email,
            template: flow, locale: .de, subject: "x", messageClass: messageClass, basis: .consent, variant: nil,
            priority: priority, expectedValueMinor: value, createdAt: S.utcInstant(2026, 1, 1, hour))
    }

    @Test("the highest priority wins; the others are held back naming the winner; order is kept")
    func priorityWins() {
        let arbiter = MessageArbiter(window: .hours(24))
        let verdicts = arbiter.arbitrate([
            message("review_request", priority: 40), message("abandoned_cart", priority: 90),
            message("order_confirmation", priority: 100, class: .transactional),
            message("birthday", customer: "c2", priority: 10),
        ])
        #expect(
            verdicts == [
                .heldBack(message("review_request", priority: 40), .heldBack(byFlow: "abandoned_cart")),
                .send(message("abandoned_cart", priority: 90)),
                .send(message("order_confirmation", priority: 100, class: .transactional)),
                .send(message("birthday", customer: "c2", priority: 10)),
            ])
    }

    @Test("equal priority: the higher expected value wins, whatever the input order")
    func valueBreaksTies() {
        let arbiter = MessageArbiter(window: .hours(24))
        let a = message("win_back", priority: 50, value: 1_500)
        let b = message("points_expiry", priority: 50, value: 900)
        #expect(arbiter.arbitrate([a, b]).map(\.message.flowID) == ["win_back", "points_expiry"])
        #expect(arbiter.arbitrate([b, a]) == [.heldBack(b, .heldBack(byFlow: "win_back")), .send(a)])
    }

    @Test("messages further apart than the window both go")
    func window() {
        let arbiter = MessageArbiter(window: .hours(4))
        let verdicts = arbiter.arbitrate([message("a", priority: 90, hour: 8), message("b", priority: 10, hour: 13)])
        #expect(verdicts.allSatisfy { if case .send = $0 { true } else { false } })
    }
}
