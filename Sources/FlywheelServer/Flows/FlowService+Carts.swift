import FlywheelCore
import FlywheelFlows
public import Foundation
import ServiceLifecycle

extension FlowService {
    /// The abandoned carts of one sweep at `now`: for each window the switched-on `cart_abandoned` flows wait
    /// (their trigger's `after`, default 60 minutes), the open checkouts last updated between `after + catchUp`
    /// and `after` ago, each with its customer (its customer id if stored, else the stored customer with the
    /// checkout's e-mail; a guest nobody is stored for gets nothing) and that customer's orders, go through
    /// `CartAbandonmentDetector`; each abandoned cart enters the flows of that window only, keyed by checkout
    /// and update (`cart_abandoned/<id>/<updated_at>`), so the next sweep enters nothing twice. An order placed
    /// later is the flows' goal (`order_placed`), handled when the order is stored.
    ///
    /// `since` narrows the look to checkouts whose window ended after `since` (the short cart check's previous
    /// run, `checkCarts`); `nil` looks back the whole `catchUp` (the hourly sweep, which also catches what a
    /// short check missed: a restart, a checkout stored late).
    func sweepCarts(now: Date, since: Date? = nil, into report: inout SweepReport) async throws {
        let programs = scheduler.flowLibrary.currentPrograms(triggeredBy: .cartAbandoned)
        guard !programs.isEmpty else { return }
        let detector = CartAbandonmentDetector(catchUp: options.catchUp)
        let windows = Dictionary(grouping: programs) { $0.definition.trigger.abandonedAfter }
        for (after, group) in windows.sorted(by: { $0.key < $1.key }) {
            let flows = Set(group.map(\.id))
            let latest = now.addingTimeInterval(-TimeInterval(after.seconds))
            var earliest = latest.addingTimeInterval(-options.catchUp)
            if let since { earliest = max(earliest, since.addingTimeInterval(-TimeInterval(after.seconds))) }
            guard earliest < latest.addingTimeInterval(0.001) else { continue }
            var query = OpenCheckoutQuery(
                updatedFrom: earliest, updatedBefore: latest.addingTimeInterval(0.001),
                limit: options.pageSize)
            repeat {
                if Task.isShuttingDownGracefully { return }
                let page = try await store.openCheckouts(query)
                var items: [AbandonedCheckout] = []
                for checkout in page.items { items.append(try await abandonedCheckout(checkout)) }
                await enter(detector.events(items, after: after, now: now), only: flows, now: now, into: &report)
                query.after = page.nextAfter
            } while query.after != nil
        }
    }

    /// The short cart check `FlowJobs` runs every `cartInterval` (default 30 s), so a reminder goes out within
    /// about a minute of the checkout's last update + the flow's `after`, not at the next hourly sweep: only the
    /// checkouts whose window ended since `since` (the previous check, less `FlowServiceOptions.cartOverlap`)
    /// are looked at, and they enter with the same keys as the sweep's, so the two never enter a cart twice.
    public func checkCarts(now: Date, since: Date) async throws -> SweepReport {
        var report = SweepReport()
        try await sweepCarts(now: now, since: since.addingTimeInterval(-options.cartOverlap), into: &report)
        return report
    }

    /// A checkout with its stored customer (by id, else by the checkout's e-mail) and that customer's orders.
    private func abandonedCheckout(_ checkout: Checkout) async throws -> AbandonedCheckout {
        var customerID: String?
        if let id = checkout.customerExternalID, try await store.customer(externalID: id) != nil {
            customerID = id
        } else if let email = checkout.email {
            customerID = try await store.customers(CustomerQuery(limit: 1, email: email)).items.first?.externalID
        }
        guard let customerID else { return AbandonedCheckout(checkout: checkout, customerID: nil) }
        let orders = try await store.orders(customerExternalID: customerID).filter { $0.cancelledAt == nil }
        return AbandonedCheckout(checkout: checkout, customerID: customerID, orderTimes: orders.map(\.placedAt))
    }
}
