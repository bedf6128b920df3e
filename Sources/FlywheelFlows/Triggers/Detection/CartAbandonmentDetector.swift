import FlywheelCore
public import Foundation

/// Decides when a checkout counts as abandoned: `after` (a flow's trigger, default 60 minutes) has passed since
/// its last update, it was not completed and did not turn into an order, and its customer placed no order since
/// the checkout was created. Pure: the caller reads the checkouts and orders and passes `now`.
///
/// The event happens at `updatedAt + after`; like `ScheduledTriggerSweep`, a moment more than `catchUp` before
/// now triggers nothing (a cart left for a week is history, not a reminder). Its key names the checkout and
/// the update it was abandoned after (`cart_abandoned/<id>/<updated_at in epoch seconds>`), so hourly sweeps
/// report the same key until the flow has it, and a cart changed after a reminder may be reminded of again
/// (subject to the flow's re-entry rule).
public struct CartAbandonmentDetector: Sendable {
    /// How far back the abandonment moment may lie and still trigger (default 3 days).
    public var catchUp: TimeInterval

    public init(catchUp: TimeInterval = 3 * 86_400) {
        self.catchUp = catchUp
    }

    /// What the detector made of one checkout.
    public enum Verdict: Hashable, Sendable {
        /// Abandoned: enter the flows with this event.
        case abandoned(DetectedEvent)
        /// Still within the window: abandoned at this moment unless something happens first.
        case notYet(until: Date)
        /// Completed, or turned into an order.
        case completed
        /// The customer placed an order (at this time) after the checkout was created.
        case ordered(at: Date)
        /// Nobody to remind: a guest the shop has no customer record (and so no consent) for.
        case noCustomer
        /// Nothing in it (no lines, or no value).
        case empty
        /// Abandoned longer ago than `catchUp`: history.
        case tooOld
    }

    /// The events of the checkouts abandoned at `now` for a trigger that waits `after`.
    public func events(_ checkouts: [AbandonedCheckout], after: FlowDuration, now: Date) -> [DetectedEvent] {
        checkouts.compactMap {
            if case .abandoned(let event) = verdict($0, after: after, now: now) { return event }
            return nil
        }
    }

    /// The verdict on one checkout at `now` for a trigger that waits `after`.
    public func verdict(_ item: AbandonedCheckout, after: FlowDuration, now: Date) -> Verdict {
        let checkout = item.checkout
        guard checkout.isOpen else { return .completed }
        if let ordered = item.orderTimes.filter({ $0 >= checkout.createdAt }).min() { return .ordered(at: ordered) }
        guard !checkout.lines.isEmpty, checkout.totalMinor > 0 else { return .empty }
        let moment = checkout.updatedAt.addingTimeInterval(TimeInterval(after.seconds))
        guard moment <= now else { return .notYet(until: moment) }
        guard now.timeIntervalSince(moment) <= catchUp else { return .tooOld }
        guard let customer = item.customerID else { return .noCustomer }
        let updated = Int64(checkout.updatedAt.timeIntervalSince1970.rounded(.down))
        return .abandoned(
            DetectedEvent(
                event: FlowEvent(
                    customerID: customer, occurredAt: moment,
                    trigger: .cartAbandoned(cartID: checkout.externalID, value: checkout.total)),
                key: "cart_abandoned/\(checkout.externalID)/\(updated)"))
    }
}
