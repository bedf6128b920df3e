import FlywheelCore
import FlywheelFlows
public import Foundation
import ServiceLifecycle

extension FlowService {
    /// What one sweep did.
    public struct SweepReport: Hashable, Sendable {
        /// Customers looked at.
        public var customers = 0
        /// Events found: time-based ones and the recent orders' ingest events (most were entered before).
        public var events = 0
        /// Flows entered; refused by their filters or re-entry rules; events whose key had entered before.
        public var entered = 0
        public var refused = 0
        public var duplicates = 0
        /// Events that failed to enter (logged; the next sweep tries again).
        public var failed = 0

        public init() {}
    }

    /// One sweep at `now`: pages through the shop's customers (`pageSize` at a time; each customer's orders read
    /// once) and enters what `ScheduledTriggerSweep` finds — expected delivery reached and shipment late (open
    /// shipments of recent orders), lapse (the learned window, from `lapseWindowDays`), birthday, first-order
    /// anniversary, replenishment due (products with a reorder cycle), VIP (value ranks over the whole shop,
    /// once per sweep, when a `vip_reached` flow runs) and lapse by probability alive (BG/NBD refitted at most
    /// daily, when a `lapsed` flow compares `p_alive`) — then the points about to expire (the ledger's open
    /// lots, read once) and, when a `tier_changed` flow runs, the loyalty programme's tier moves of the last
    /// `catchUp` (downgrades at a period end; upgrades enter at once from the ingest). With the same pass it
    /// re-detects the ingest events of recent orders (placed, paid, shipped, delivered, refunded; only fresh ones
    /// count): events the ingest missed (a store error, a crash after the batch was stored) enter now, the others
    /// are duplicates by their keys. Last,
    /// the abandoned carts (`sweepCarts`, FlowService+Carts.swift).
    ///
    /// Keys name the facts (`birthday/2026`), so a second sweep enters nothing twice. A graceful shutdown stops
    /// the sweep between pages; the next one starts over.
    @discardableResult
    public func sweep(now: Date) async throws -> SweepReport {
        var report = SweepReport()
        let lapseWindow = await lapseWindowDays(now)
        let needs = self.needs
        let verdicts = await sweepVerdicts(needs, now: now)
        var sweeper = self.sweeper
        sweeper.vipPercent = needs.vipPercent ?? FlowTriggerNeeds.standardVIPPercent
        sweeper.pAliveThreshold = needs.pAliveThreshold
        var cycles = ReorderCycles(store: store)
        var after: String?
        repeat {
            if Task.isShuttingDownGracefully { return report }
            let page = try await store.customers(CustomerQuery(after: after, limit: options.pageSize))
            var customers: [SweepCustomer] = []
            var inputs = SweepInputs()
            var events: [DetectedEvent] = []
            for customer in page.items {
                let orders = try await store.orders(customerExternalID: customer.externalID).filter {
                    $0.cancelledAt == nil && $0.placedAt <= now
                }.sorted { $0.placedAt < $1.placedAt }
                customers.append(
                    SweepCustomer(
                        id: customer.externalID, birthday: customer.birthday, firstOrderAt: orders.first?.placedAt,
                        lastOrderAt: orders.last?.placedAt, lapseWindowDays: lapseWindow,
                        pAlive: verdicts.pAlive[customer.externalID],
                        valueRankPercent: verdicts.ranks[customer.externalID]))
                inputs.lastPurchases += try await cycles.lastPurchases(of: customer.externalID, orders: orders)
                let recent = try await recentActivity(of: orders, now: now)
                inputs.openShipments += recent.openShipments
                events += detector.events(in: recent.batch, context: recent.context, now: now)
            }
            report.customers += page.items.count
            events += sweeper.events(customers: customers, inputs: inputs, now: now)
            await enter(events, now: now, into: &report, needs: needs)
            after = page.nextAfter
        } while after != nil
        let expiring = try await expiringPoints()
        await enter(sweeper.events(customers: [], inputs: SweepInputs(expiringPoints: expiring), now: now), now: now, into: &report)
        if needs.tierChanges, let source = options.tierMoves {
            let moves = try await source.tierMoves(of: nil, from: now.addingTimeInterval(-options.catchUp), through: now)
            await enter(sweeper.events(tierMoves: moves, now: now), now: now, into: &report)
        }
        try await sweepCarts(now: now, into: &report)
        return report
    }

    /// Enters `events` (into the flows `only` names, or every flow of their kind) and counts the outcomes.
    func enter(
        _ events: [DetectedEvent], only: Set<String>? = nil, now: Date, into report: inout SweepReport,
        needs: FlowTriggerNeeds? = nil
    ) async {
        report.events += events.count
        for event in events {
            // A lapse by probability alive goes only to the flows that ask for one.
            let flows = event.event.trigger == .lapsed(.pAlive) ? needs?.pAliveFlows ?? [] : only
            guard let entered = await enter(event, only: flows, now: now) else {
                report.failed += 1
                continue
            }
            report.entered += entered.entered
            report.refused += entered.refused
            report.duplicates += entered.duplicates
        }
    }

    /// The shop-wide lapse window in days, when one is known.
    func lapseWindowDays(_ now: Date) async -> Double? {
        guard let window = options.lapseWindowDays else { return nil }
        return await window(now)
    }

    /// A customer's recent orders (placed within `recentOrderDays`) with their shipments and refunds: the
    /// open shipments with a promised date, and the batch and context the ingest detector would have seen.
    private func recentActivity(of orders: [Order], now: Date) async throws
        -> (openShipments: [SweepInputs.OpenShipment], batch: IngestBatch, context: IngestTriggerContext)
    {
        let since = now.addingTimeInterval(-Double(options.recentOrderDays) * 86_400)
        var open: [SweepInputs.OpenShipment] = []
        var batch = IngestBatch()
        var context = IngestTriggerContext(orderNumbers: Self.orderNumbers(orders))
        for order in orders where order.placedAt >= since {
            guard let customer = order.customerExternalID else { continue }
            batch.orders.append(order)
            context.orders[order.externalID] = order
            for shipment in try await store.shipments(orderExternalID: order.externalID) {
                batch.shipments.append(shipment)
                if shipment.deliveredAt == nil, let promised = shipment.promisedBy {
                    open.append(
                        SweepInputs.OpenShipment(
                            shipmentID: shipment.externalID, orderID: order.externalID, customerID: customer,
                            promisedBy: promised))
                }
            }
            let refunds = try await store.refunds(orderExternalID: order.externalID)
            batch.refunds += refunds
            if !refunds.isEmpty { context.refundedMinor[order.externalID] = refunds.reduce(0) { $0 + $1.amountMinor } }
        }
        return (open, batch, context)
    }

    /// Points still open on a date of expiry, per customer and local day (the ledger's open lots, not pending).
    private func expiringPoints() async throws -> [SweepInputs.ExpiringPoints] {
        var sums: [String: [CivilDate: Int]] = [:]
        for open in try await store.openLedgerLots() where !open.isPending && open.remaining > 0 {
            guard let expiresAt = open.lot.expiresAt else { continue }
            sums[open.lot.customer, default: [:]][calendar.localDate(of: expiresAt), default: 0] += Int(open.remaining)
        }
        return sums.sorted { $0.key < $1.key }.flatMap { customer, days in
            days.sorted { $0.key < $1.key }.map { SweepInputs.ExpiringPoints(customerID: customer, points: $0.value, on: $0.key) }
        }
    }
}
