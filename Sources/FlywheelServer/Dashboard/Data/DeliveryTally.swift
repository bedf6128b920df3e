import FlywheelCore
import Foundation

/// Shipment counts over every shipment stored: delivered, and by or after the promised date.
struct DeliveryTally: Sendable, Equatable {
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

    static func read(from store: any FlywheelStore) async throws -> DeliveryTally {
        var tally = DeliveryTally()
        var after: String?
        repeat {
            let page = try await store.shipments(ListQuery(after: after, limit: 10_000))
            for shipment in page.items { tally.add(shipment) }
            after = page.nextAfter
        } while after != nil
        return tally
    }
}
