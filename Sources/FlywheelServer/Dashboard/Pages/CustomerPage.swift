import FlywheelAnalytics
import FlywheelCore
import Foundation

/// One customer: the profile (contact, consent, orders, lifecycle stage, RFM, VIP) and a timeline of
/// orders, refunds, shipments, returns, survey answers and reviews, newest first.
struct CustomerPage {
    let records: CustomerRecords
    let profile: CustomerProfile?
    let numbers: DashboardNumbers
    let text: [String: String]
    let strings: ReportStrings
    let calendar: ShopCalendar

    /// A customer id as one percent-encoded path segment.
    static func pathComponent(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? id
    }

    func content() -> [String: Any] {
        let c = records.customer
        func consent(_ state: ConsentState?) -> String {
            switch state {
            case .granted: text["consent_yes"] ?? ""
            case .revoked, .pending: text["consent_no"] ?? ""
            default: text["consent_unknown"] ?? ""
            }
        }
        var facts: [(String, String)] = [
            (strings[.customer], c.externalID),
            (text["name"] ?? "", [c.firstName, c.lastName].compactMap { $0 }.joined(separator: " ")),
            (text["email"] ?? "", c.email ?? "–"), (text["marketing_consent"] ?? "", consent(c.consent?.email)),
        ]
        if let profile {
            facts += [
                (text["orders"] ?? "", numbers.count(profile.orders)), (strings[.netSpent], numbers.money(profile.netSpentMinor)),
                (text["first_order"] ?? "", profile.firstPurchaseDay.map(numbers.day) ?? "–"),
                (text["last_order"] ?? "", profile.lastPurchaseDay.map(numbers.day) ?? "–"),
                (text["stage_now"] ?? "", strings.name(profile.stage)),
                (text["rfm_score"] ?? "", profile.rfm.map { "\($0) (\(strings.name($0.segment)))" } ?? "–"),
                (text["vip"] ?? "", profile.isVIP ? (text["yes"] ?? "") : (text["no"] ?? "")),
            ]
        }
        return ["facts": facts.map { ["label": $0.0, "value": $0.1] }, "events": events()]
    }

    private func events() -> [[String: Any]] {
        var events: [(Date, String, String)] = []
        for order in records.orders {
            var line = DashboardText.format(
                text["event_order"] ?? "", order.externalID,
                numbers.format.money(order.totalMinor, digits: order.currency.minorUnitDigits, currency: order.currency.code))
            if order.cancelledAt != nil { line += " (\(text["event_cancelled"] ?? ""))" }
            events.append((order.placedAt, "order", line))
        }
        for refund in records.refunds {
            let amount = numbers.format.money(
                refund.amountMinor, digits: refund.currency.minorUnitDigits, currency: refund.currency.code)
            events.append((refund.createdAt, "refund", DashboardText.format(text["event_refund"] ?? "", amount)))
        }
        for shipment in records.shipments {
            let state = shipment.deliveredAt != nil ? (text["delivered"] ?? "") : (shipment.carrier ?? "–")
            events.append(
                (shipment.deliveredAt ?? shipment.shippedAt ?? .distantPast, "shipment",
                 DashboardText.format(text["event_shipment"] ?? "", shipment.externalID, state)))
        }
        for request in records.returns {
            events.append(
                (request.requestedAt, "return", DashboardText.format(text["event_return"] ?? "", request.reason ?? request.status.rawValue)))
        }
        for answer in records.answers {
            events.append(
                (answer.answeredAt, "answer",
                 DashboardText.format(
                    text["event_answer"] ?? "", text["question_" + answer.question.rawValue] ?? answer.question.rawValue,
                    String(answer.score))))
        }
        for review in records.reviews {
            events.append((review.createdAt, "review", DashboardText.format(text["event_review"] ?? "", String(review.rating))))
        }
        let iso = ISO8601DateFormatter()
        return events.sorted { $0.0 > $1.0 }.map { date, kind, line in
            ["iso": iso.string(from: date), "when": numbers.day(date, calendar: calendar), "kind": kind, "text": line]
        }
    }
}
