import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("Badges, milestones and challenges: awarded once, with progress")
struct GamificationTests {
    typealias S = LedgerTestSupport
    let badges = [
        Badge(id: "first_order", name: "First order", trigger: .orderCount(1), points: 10),
        Badge(id: "fifth_order", name: "Fifth order", trigger: .orderCount(5), points: 50),
        Badge(id: "first_review", name: "First review", trigger: .action(.review, count: 1)),
        Badge(id: "big_spender", name: "€500 spent", trigger: .spend(minor: 50_000)),
        Badge(id: "one_year", name: "One year with us", trigger: .anniversary(days: 365), points: 100),
    ]

    @Test("order, action, spend and anniversary badges are each awarded once, when reached")
    func badgesOnce() {
        var tracker = BadgeTracker()
        #expect(tracker.order(spendMinor: 10_000, at: S.day(0), badges: badges).map(\.badgeID) == ["first_order"])
        for day in 1...3 { #expect(tracker.order(spendMinor: 10_000, at: S.day(day), badges: badges).isEmpty) }
        // A full refund takes the fourth order away: the next order is the fourth again, not the fifth.
        tracker.refund(spendMinor: 10_000, cancelsOrder: true)
        #expect(tracker.order(spendMinor: 10_000, at: S.day(5), badges: badges).isEmpty)
        #expect(
            tracker.order(spendMinor: 10_000, at: S.day(6), badges: badges).map(\.badgeID) == [
                "fifth_order", "big_spender",
            ])
        #expect(tracker.action(.review, at: S.day(7), badges: badges).map(\.badgeID) == ["first_review"])
        #expect(tracker.action(.review, at: S.day(8), badges: badges).isEmpty)
        #expect(tracker.advance(to: S.day(364), badges: badges).isEmpty)
        let anniversary = tracker.advance(to: S.day(400), badges: badges)
        #expect(anniversary.map(\.badgeID) == ["one_year"])
        #expect(anniversary.first?.at == S.day(365))
        #expect(anniversary.first?.key == "badge:one_year")
    }

    @Test("a challenge completes once its goals are met inside its window; segment offers only for the segment")
    func challenges() {
        let week = Challenge(
            id: "three-visits", name: "Three visits", start: S.day(7), end: S.day(14), goalOrders: 3, points: 50)
        let offer = Challenge(
            id: "lapsed-back", name: "Come back", start: S.day(0), end: S.day(30), goalSpendMinor: 2_000, points: 75,
            segment: "lapsed")
        var tracker = ChallengeTracker()
        #expect(tracker.order(spendMinor: 1_000, at: S.day(6), challenges: [week]).isEmpty)  // before the window
        #expect(tracker.order(spendMinor: 1_000, at: S.day(7), challenges: [week]).isEmpty)
        #expect(tracker.order(spendMinor: 1_000, at: S.day(8), challenges: [week]).isEmpty)
        #expect(tracker.progress["three-visits"]?.orders == 2)
        #expect(tracker.order(spendMinor: 1_000, at: S.day(9), challenges: [week]).map(\.id) == ["three-visits"])
        #expect(tracker.order(spendMinor: 1_000, at: S.day(10), challenges: [week]).isEmpty)

        var other = ChallengeTracker()
        #expect(other.order(spendMinor: 5_000, at: S.day(1), challenges: [offer]).isEmpty)
        #expect(
            other.order(spendMinor: 5_000, at: S.day(1), challenges: [offer], segments: ["lapsed"]).map(\.id) == [
                "lapsed-back"
            ])
    }
}
