import FlywheelCore
import Foundation

@testable import FlywheelLoyalty

/// Programme files and values for the programme tests.
enum ProgrammeTestSupport {
    /// A valid programme file with tiers `Bronze 0 / Silver 500 / Gold 1000`; `tiers` replaces the tier list.
    static func json(tiers: String? = nil, extra: String = "") -> String {
        let tierList =
            tiers ?? """
                [{"id": "bronze", "name": "Bronze", "entry_threshold": 0},
                 {"id": "silver", "name": "Silver", "entry_threshold": 500},
                 {"id": "gold", "name": "Gold", "entry_threshold": 1000, "retention_threshold": 800,
                  "perks": {"free_shipping": true, "earning_multiplier": 150}}]
                """
        return """
            {
              "id": "default", "version": 1, "effective_from": "2026-01-01T00:00:00Z", "name": "The Inner Circle",
              "branding": {"primary_color": "#112233", "accent_color": "#ffcc00", "logo_url": "https://shop.example/logo.svg",
                "texts": {"de": {"programme_name": "Der Innere Kreis", "points_name": "Punkte"},
                          "en": {"programme_name": "The Inner Circle", "points_name": "points"}}},
              "currency": "EUR",
              "point_value": {"points": 100, "value_minor": 1000},
              "earning": {"currency": "EUR", "points_per_unit": 1, "action_points": {"sign_up": 50},
                "boosts": [{"name": "Weekend", "window": {"type": "weekend"}, "multiplier": 200}]},
              "launch_bonus_points": 100,
              "rewards": [{"id": "ten-off", "name": "€10 off", "kind": {"type": "amount_off", "amount_minor": 1000},
                           "cost_points": 100, "limits": [{"count": 2, "period": "month"}]}],
              "tiers": {"basis": "spend", "period": {"type": "calendar_year"}, "grace_days": 14, "tiers": \(tierList)},
              "expiry": {"rule": {"type": "lot_age", "months": 12, "round_to_month_end": true}, "notice_days": 30}
              \(extra)
            }
            """
    }

    static func load(_ text: String) throws(ProgrammeError) -> Programme {
        try Programme.load(from: Data(text.utf8))
    }

    /// The problems `text` has, as `path: message` lines.
    static func problems(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    static func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
}
