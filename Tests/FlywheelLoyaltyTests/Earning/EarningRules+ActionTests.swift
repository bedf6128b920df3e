import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("EarningRules: fixed points per action and caps per period")
struct EarningRulesActionTests {
    typealias S = EarningTestSupport

    static let rules = EarningRules(
        currency: "EUR", pointsPerUnit: 1,
        actionPoints: [.signUp: 100, .review: 50, .reviewWithPhoto: 80, .newsletterOptIn: 25],
        actionCaps: [.review: ActionCap(maxPoints: 200, period: .month)])

    @Test("uncapped actions earn their fixed points; unlisted actions earn nothing")
    func fixed() {
        #expect(
            Self.rules.points(for: .signUp)
                == ActionAward(action: .signUp, fixedPoints: 100, points: 100, capped: false))
        #expect(Self.rules.points(for: .reviewWithPhoto, alreadyAwarded: 10_000).points == 80)
        #expect(
            Self.rules.points(for: .socialShare)
                == ActionAward(action: .socialShare, fixedPoints: 0, points: 0, capped: false))
    }

    @Test("cap of 200 per month, 50 per review: 150 awarded → 50 (reached exactly), 200 → 0, 180 → 20")
    func caps() {
        #expect(Self.rules.points(for: .review, alreadyAwarded: 0).points == 50)
        #expect(
            Self.rules.points(for: .review, alreadyAwarded: 150)
                == ActionAward(action: .review, fixedPoints: 50, points: 50, capped: false))
        #expect(
            Self.rules.points(for: .review, alreadyAwarded: 200)
                == ActionAward(action: .review, fixedPoints: 50, points: 0, capped: true))
        #expect(
            Self.rules.points(for: .review, alreadyAwarded: 180)
                == ActionAward(action: .review, fixedPoints: 50, points: 20, capped: true))
        #expect(Self.rules.points(for: .review, alreadyAwarded: 500).points == 0)
    }

    @Test("the cap period is the shop's calendar month; uncapped actions have none")
    func period() {
        let interval = Self.rules.capPeriod(of: .review, containing: S.utcInstant(2026, 3, 31, 23, 30), in: S.berlin)
        #expect(interval?.start == S.utcInstant(2026, 3, 31, 22, 0))
        #expect(Self.rules.capPeriod(of: .signUp, containing: S.utcInstant(2026, 3, 31), in: S.berlin) == nil)
    }
}
