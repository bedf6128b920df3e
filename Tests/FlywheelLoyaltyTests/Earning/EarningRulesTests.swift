import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("EarningRules: Codable for programme files")
struct EarningRulesTests {
    @Test("a full rule set survives a JSON round trip, with readable action keys and percent multipliers")
    func roundTrip() throws {
        let rules = EarningRules(
            currency: "EUR", pointsPerUnit: 2, includeShipping: true, includeTax: false,
            actionPoints: [.reviewWithPhoto: 80, .birthday: 250],
            actionCaps: [.reviewWithPhoto: ActionCap(maxPoints: 160, period: .month)],
            skuMultipliers: ["SKU-1": .double], categoryMultipliers: ["books": Multiplier(percent: 150)],
            boosts: [
                EarningBoost(name: "Weekend", window: .weekend, multiplier: .double),
                EarningBoost(name: "Birthday", window: .birthdayMonth, multiplier: Multiplier(percent: 300)),
                EarningBoost(
                    name: "Black Friday",
                    window: .dates(
                        start: Date(timeIntervalSince1970: 1_795_000_000),
                        end: Date(timeIntervalSince1970: 1_795_300_000)),
                    multiplier: .double),
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(rules)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""action_points":{"birthday":250,"review_with_photo":80}"#))
        #expect(text.contains(#""category_multipliers":{"books":150}"#))
        #expect(try JSONDecoder().decode(EarningRules.self, from: data) == rules)
    }

    @Test("a minimal programme file needs only currency and points per unit; a missing currency is an error")
    func minimal() throws {
        let rules = try JSONDecoder().decode(
            EarningRules.self, from: Data(#"{"currency": "EUR", "points_per_unit": 1}"#.utf8))
        #expect(rules == EarningRules(currency: "EUR", pointsPerUnit: 1))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(EarningRules.self, from: Data(#"{"points_per_unit": 1}"#.utf8))
        }
    }
}
