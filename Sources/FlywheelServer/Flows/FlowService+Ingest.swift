public import FlywheelCore
import FlywheelFlows
public import Foundation

extension FlowService: IngestObserver {
    /// Finds the batch's trigger events and passes each to the scheduler: first to the customer's running
    /// enrolments (`handle`: "ordered again" ends a win-back, a delivery resumes a wait for it), then to the
    /// flows it starts (`enter`, with the detector's key). `handle` runs only when the batch changed a record:
    /// a webhook delivered again is the same fact and must not resume a second wait. Failures are logged and
    /// never undo the stored batch; the sweep's catch-up enters what was missed (docs/flows.md).
    public func stored(_ batch: IngestBatch, counts: IngestCounts, now: Date) async {
        guard !batch.orders.isEmpty || !batch.shipments.isEmpty || !batch.refunds.isEmpty || !batch.reviews.isEmpty
            || !batch.surveyAnswers.isEmpty
        else { return }
        let context: IngestTriggerContext
        do {
            context = try await triggerContext(for: batch, now: now)
        } catch {
            logger.error(
                "flows: a stored batch was not looked at; the sweep catches up", metadata: ["error": "\(type(of: error))"])
            return
        }
        let changed = [counts.orders, counts.shipments, counts.refunds, counts.reviews, counts.surveyAnswers].contains {
            $0.created + $0.updated > 0
        }
        for detected in detector.events(in: batch, context: context, now: now) {
            if changed {
                do {
                    try await scheduler.handle(detected.event, now: now)
                } catch {
                    logger.error(
                        "flows: running enrolments did not get an event",
                        metadata: ["event": "\(detected.event.trigger.kind.rawValue)", "error": "\(type(of: error))"])
                }
            }
            _ = await enter(detected, now: now)
        }
        await enterTierMoves(after: batch, now: now)
    }

    /// The tier moves the batch's fresh orders and refunds caused (an upgrade at once, a downgrade by a refund),
    /// asked of the loyalty programme for those customers when a `tier_changed` flow runs. Keys name the move,
    /// so a replayed batch or the sweep enters nothing twice.
    func enterTierMoves(after batch: IngestBatch, now: Date) async {
        guard let source = options.tierMoves, needs.tierChanges else { return }
        let since = now.addingTimeInterval(-detector.freshness)
        var customers = Set(batch.orders.filter { $0.placedAt >= since }.compactMap(\.customerExternalID))
        let refunded = batch.refunds.filter { $0.createdAt >= since }.map(\.orderExternalID)
        do {
            let inBatch = Dictionary(batch.orders.map { ($0.externalID, $0) }, uniquingKeysWith: { _, last in last })
            for orderID in Set(refunded) {
                var order = inBatch[orderID]
                if order == nil { order = try await store.order(externalID: orderID) }
                if let customer = order?.customerExternalID { customers.insert(customer) }
            }
            guard !customers.isEmpty else { return }
            for move in sweeper.events(
                tierMoves: try await source.tierMoves(of: customers, from: since, through: now), now: now)
            {
                _ = await enter(move, now: now)
            }
        } catch {
            logger.error("flows: tier moves were not looked at; the sweep catches up", metadata: ["error": "\(type(of: error))"])
        }
    }

    /// What the detector needs beyond the batch, read from the store (which holds the batch already): the
    /// number of each fresh order among its customer's orders, the orders of fresh shipments and refunds that
    /// are not in the batch, and each refunded order's refunds in all. Records too old to trigger are skipped.
    func triggerContext(for batch: IngestBatch, now: Date) async throws -> IngestTriggerContext {
        var context = IngestTriggerContext()
        let fresh = { (at: Date?) -> Bool in
            guard let at else { return false }
            return at <= now.addingTimeInterval(3_600) && now.timeIntervalSince(at) <= detector.freshness
        }
        var numbered: Set<String> = []
        for order in batch.orders where order.cancelledAt == nil && fresh(order.placedAt) {
            guard let customer = order.customerExternalID, numbered.insert(customer).inserted else { continue }
            context.orderNumbers.merge(Self.orderNumbers(try await store.orders(customerExternalID: customer))) { $1 }
        }
        let inBatch = Set(batch.orders.map(\.externalID))
        func load(_ orderID: String) async throws {
            guard !inBatch.contains(orderID), context.orders[orderID] == nil else { return }
            context.orders[orderID] = try await store.order(externalID: orderID)
        }
        for shipment in batch.shipments where fresh(shipment.shippedAt) || fresh(shipment.deliveredAt) {
            try await load(shipment.orderExternalID)
        }
        for refund in batch.refunds where fresh(refund.createdAt) && context.refundedMinor[refund.orderExternalID] == nil {
            try await load(refund.orderExternalID)
            context.refundedMinor[refund.orderExternalID] = try await store.refunds(orderExternalID: refund.orderExternalID)
                .reduce(0) { $0 + $1.amountMinor }
        }
        return context
    }
}
