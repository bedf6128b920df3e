import FlywheelCore
import FlywheelFlows
import Foundation

/// Products' reorder cycles (`Product.reorderCycleDays`) for the sweep's replenishment events, each product
/// looked up once per sweep.
struct ReorderCycles {
    let store: any FlywheelStore
    private var days: [String: Int] = [:]
    private var known: Set<String> = []

    init(store: any FlywheelStore) { self.store = store }

    /// The customer's latest purchase of each product that has a reorder cycle; `orders` oldest first.
    mutating func lastPurchases(of customer: String, orders: [Order]) async throws -> [SweepInputs.LastPurchase] {
        var latest: [String: Order] = [:]
        for order in orders {
            for line in order.lineItems {
                if let sku = line.sku { latest[sku] = order }
            }
        }
        var purchases: [SweepInputs.LastPurchase] = []
        for (sku, order) in latest.sorted(by: { $0.key < $1.key }) {
            guard let cycle = try await cycle(of: sku), cycle > 0 else { continue }
            purchases.append(
                SweepInputs.LastPurchase(
                    customerID: customer, sku: sku, orderID: order.externalID, boughtAt: order.placedAt,
                    cycleDays: Double(cycle)))
        }
        return purchases
    }

    private mutating func cycle(of sku: String) async throws -> Int? {
        if !known.contains(sku) {
            known.insert(sku)
            days[sku] = try await store.product(sku: sku)?.reorderCycleDays
        }
        return days[sku]
    }
}
