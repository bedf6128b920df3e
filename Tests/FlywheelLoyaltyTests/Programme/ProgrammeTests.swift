import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("Programme: a versioned programme file, validated with key paths")
struct ProgrammeTests {
    typealias S = ProgrammeTestSupport

    @Test("a valid file loads with every part, and survives a JSON round trip")
    func loads() throws {
        let programme = try S.load(S.json())
        #expect(programme.name == "The Inner Circle")
        #expect(programme.branding.texts["de"]?.pointsName == "Punkte")
        #expect(programme.earning.actionPoints[.signUp] == 50)
        #expect(programme.earning.boosts.first?.window == .weekend)
        #expect(programme.rewards.first?.kind == .amountOff(minor: 1000))
        #expect(programme.rewards.first?.codePattern == "FLY-####-XXXX")
        #expect(programme.tiers?.tiers.map(\.retentionThreshold) == [0, 500, 800])
        #expect(programme.tiers?.tiers.last?.perks.earningMultiplier == Multiplier(percent: 150))
        #expect(programme.tiers?.period == .calendarYear)
        #expect(programme.expiry.rule == .lotAge(months: 12, roundToMonthEnd: true))
        #expect(programme.pointValue.value(of: 250) == 2500)
        let again = try Programme.load(from: try programme.jsonData())
        #expect(again == programme)
    }

    @Test("validation names the key path and the problem, and collects every problem")
    func collectsProblems() {
        let tiers = """
            [{"id": "bronze", "name": "Bronze", "entry_threshold": 0},
             {"id": "silver", "name": "Silver", "entry_threshold": 500},
             {"id": "gold", "name": "Gold", "entry_threshold": 400, "retention_threshold": 450}]
            """
        let text = S.json(tiers: tiers)
            .replacingOccurrences(of: #""cost_points": 100"#, with: #""cost_points": 0"#)
            .replacingOccurrences(of: "#ffcc00", with: "yellow")
        let problems = S.problems(text)
        #expect(
            problems == [
                "branding.accent_color: 'yellow' is not a colour of the form #RRGGBB",
                "rewards[0].cost_points: must be positive, got 0",
                "tiers.tiers[2].entry_threshold: must be greater than tiers[1]'s (500)",
                "tiers.tiers[2].retention_threshold: must be between 0 and the entry threshold (400), got 450",
            ])
    }

    @Test("cross-references and duplicates are named: currency, reward ids, birthday reward, code pattern")
    func crossReferences() {
        let text = S.json(
            extra: #", "referral": {"referrer_points": 100, "friend_points": 50, "friend_reward_id": "nope"}"#
        )
        .replacingOccurrences(of: #""earning": {"currency": "EUR""#, with: #""earning": {"currency": "USD""#)
        .replacingOccurrences(
            of: #""cost_points": 100,"#, with: #""cost_points": 100, "code_pattern": "AB-##","#)
        #expect(
            S.problems(text) == [
                "earning.currency: must be the programme's currency (EUR), got 'USD'",
                "rewards[0].code_pattern: 'AB-##' makes only 100 codes; use at least 4 '#' or 'X' placeholders",
                "referral.friend_reward_id: is not supported: the friend is rewarded in points (friend_points); remove 'nope'",
            ])
    }

    @Test("a decoding problem names its key path: missing key, wrong type, unknown type name")
    func decodingProblems() {
        let missing = S.json().replacingOccurrences(of: #""cost_points": 100,"#, with: "")
        #expect(S.problems(missing) == ["rewards[0].cost_points: is missing"])
        let wrongType = S.json().replacingOccurrences(
            of: #""entry_threshold": 500"#, with: #""entry_threshold": "500""#)
        #expect(S.problems(wrongType) == ["tiers.tiers[1].entry_threshold: must be a whole number"])
        let unknown = S.json().replacingOccurrences(of: #""type": "lot_age""#, with: #""type": "sometimes""#)
        #expect(S.problems(unknown).first?.hasPrefix("expiry.rule.type: unknown expiry type 'sometimes'") == true)
        #expect(S.problems("{") == ["is not valid JSON"])
    }
}
