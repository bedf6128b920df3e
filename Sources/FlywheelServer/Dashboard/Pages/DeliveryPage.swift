import FlywheelCore
import Foundation

/// Delivery: shipments recorded, delivered, and delivered by or after their promised date.
struct DeliveryPage {
    /// Shipment counts over every shipment stored.
    struct Tally: Sendable, Equatable {
        var shipments = 0
        var delivered = 0
        var onTime = 0
        var late = 0
        var withoutPromise = 0

        mutating func add(_ shipment: Shipment) {
            shipments += 1
            guard let delivered = shipment.deliveredAt else { return }
            self.delivered += 1
            guard let promised = shipment.promisedBy else {
                withoutPromise += 1
                return
            }
            if delivered <= promised { onTime += 1 } else { late += 1 }
        }

        static func read(from store: any FlywheelStore) async throws -> Tally {
            var tally = Tally()
            var after: String?
            repeat {
                let page = try await store.shipments(ListQuery(after: after, limit: 10_000))
                for shipment in page.items { tally.add(shipment) }
                after = page.nextAfter
            } while after != nil
            return tally
        }
    }

    let tally: Tally
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
