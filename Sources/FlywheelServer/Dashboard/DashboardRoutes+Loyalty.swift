import FlywheelCore
import FlywheelLoyalty
import Foundation
import Hummingbird

extension DashboardRoutes {
    /// The loyalty page: members with open points, open points and their redemption value (the liability),
    /// pending points, open points by age (`LiabilityReport` from the store's open lots), and members per tier
    /// (`LoyaltyService.tierDistribution`, derived without a query per customer). Without a programme it says
    /// none runs.
    func loyaltyPage(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        guard let loyalty else { return message(request, context, "loyalty_title", ["loyalty_empty"]) }
        var view = view(request, context, "loyalty_title")
        let text = view.text
        let programme = loyalty.programme
        let digits = CurrencyCode(programme.currency)?.minorUnitDigits ?? 2
        let numbers = DashboardNumbers(locale: view.locale, currency: programme.currency, digits: digits)
        let lots = try await store.openLedgerLots()
        let report = LiabilityReport(openLots: lots, value: programme.pointValue, at: now(), calendar: settings.calendar)
        let members = Set(lots.map(\.lot.customer)).count
        let distribution = try await loyalty.tierDistribution(at: now())
        var tierRows = distribution.tiers.map { row -> [String: String] in
            ["id": row.tier.id, "label": row.tier.name, "members": numbers.count(row.members)]
        }
        if distribution.withoutTier > 0 {
            tierRows.append(["id": "", "label": text["loyalty_no_tier"] ?? "", "members": numbers.count(distribution.withoutTier)])
        }
        view.content = [
            "programme": DashboardText.format(
                text["loyalty_programme"] ?? "", programme.name, String(programme.version),
                numbers.day(programme.effectiveFrom, calendar: settings.calendar)),
            "cards": [
                ["id": "loyalty-members", "label": text["loyalty_members"] ?? "", "value": numbers.count(members)],
                ["id": "loyalty-open", "label": text["loyalty_open"] ?? "", "value": numbers.count(Int(report.openPoints))],
                ["id": "loyalty-value", "label": text["loyalty_value"] ?? "", "value": numbers.money(report.valueMinor)],
                ["id": "loyalty-pending", "label": text["loyalty_pending"] ?? "", "value": numbers.count(Int(report.pendingPoints))],
            ],
            "tierTitle": text["loyalty_tiers"] ?? "", "tierMembersLabel": text["loyalty_tier_members"] ?? "",
            "tiers": tierRows, "hasTiers": !tierRows.isEmpty,
            "ageTitle": text["loyalty_age"] ?? "", "pointsLabel": text["loyalty_points"] ?? "",
            "valueLabel": text["loyalty_value"] ?? "",
            "buckets": report.buckets.map { bucket -> [String: String] in
                let label = bucket.toMonths.map {
                    DashboardText.format(text["loyalty_bucket"] ?? "", String(bucket.fromMonths), String($0))
                } ?? DashboardText.format(text["loyalty_bucket_open"] ?? "", String(bucket.fromMonths))
                return [
                    "label": label, "points": numbers.count(Int(bucket.points)), "value": numbers.money(bucket.valueMinor),
                ]
            },
        ]
        return renderer.page("loyalty", view)
    }
}
