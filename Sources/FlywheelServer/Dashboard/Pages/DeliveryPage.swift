import FlywheelCore
import Foundation

/// Delivery: shipments recorded, delivered, and delivered by or after their promised date.
struct DeliveryPage {
    let tally: DeliveryTally
    let numbers: DashboardNumbers
    let text: [String: String]

    func content() -> [String: Any] {
        func share(_ n: Int, of total: Int) -> String {
            total > 0 ? "\(numbers.count(n)) (\(numbers.percent(Double(n) / Double(total))))" : numbers.count(n)
        }
        let promised = tally.onTime + tally.late
        let rows: [(String, String, String)] = [
            ("shipments", text["shipments"] ?? "", numbers.count(tally.shipments)),
            ("delivered", text["delivered"] ?? "", share(tally.delivered, of: tally.shipments)),
            ("on-time", text["on_time"] ?? "", share(tally.onTime, of: promised)),
            ("late", text["late"] ?? "", share(tally.late, of: promised)),
            ("no-promise", text["no_promise"] ?? "", numbers.count(tally.withoutPromise)),
        ]
        return ["rows": rows.map { ["id": "delivery-" + $0.0, "label": $0.1, "value": $0.2] }]
    }
}
