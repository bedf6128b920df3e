public import FlywheelCore
public import Foundation

/// Finds the trigger events that come from the passing of time rather than from arriving data: expected
/// delivery reached, shipment late, lapse, VIP, birthday, first-order anniversary, replenishment due and
/// points about to expire.
///
/// The sweep runs every so often (the server: hourly); each run reports what is due at `now`. An event's
/// moment (the birthday's morning, the day the lapse window ran out …) must lie within `catchUp` before `now`:
/// a run that was missed (the server was down) still catches it, while moments long past — customers who
/// lapsed years before Flywheel was installed — trigger nothing (reach them with a segment send). Keys name the
/// fact (`lapsed/2026-03-14` for the lapse after the order of that day, `birthday/2026`), so hourly runs
/// report the same key until the flow has it, and the scheduler enters each once.
public struct ScheduledTriggerSweep: Sendable {
    public var calendar: ShopCalendar
    /// How far back a moment may lie and still trigger (default 3 days).
    public var catchUp: TimeInterval
    /// Lapse by probability alive below this (nil: only the learned window).
    public var pAliveThreshold: Double?
    /// VIP: the top `vipPercent` % by value (a customer whose `valueRankPercent` is below it).
    public var vipPercent: Double
    /// A shipment counts as late this long after its promised time.
    public var lateAfter: TimeInterval
    /// Points-expiry notices this many days before the points expire.
    public var expiryNoticeDays: Int

    public init(
        calendar: ShopCalendar, catchUp: TimeInterval = 3 * 86_400, pAliveThreshold: Double? = nil,
        vipPercent: Double = 5, lateAfter: TimeInterval = 86_400, expiryNoticeDays: Int = 14
    ) {
        self.calendar = calendar
        self.catchUp = catchUp
        self.pAliveThreshold = pAliveThreshold
        self.vipPercent = vipPercent
        self.lateAfter = lateAfter
        self.expiryNoticeDays = expiryNoticeDays
    }

    /// The events due at `now`.
    public func events(customers: [SweepCustomer], inputs: SweepInputs, now: Date) -> [DetectedEvent] {
        var events: [DetectedEvent] = []
        func add(_ customer: String, _ moment: Date, _ trigger: TriggerEvent, _ key: String) {
            guard moment <= now, now.timeIntervalSince(moment) <= catchUp else { return }
            events.append(DetectedEvent(event: FlowEvent(customerID: customer, occurredAt: moment, trigger: trigger), key: key))
        }
        for customer in customers {
            let local = ShopCalendar(timeZone: customer.timeZone ?? calendar.timeZone)
            let today = local.localDate(of: now)
            if let birthday = customer.birthday, let day = Self.occurrence(of: birthday, in: today.year) {
                add(customer.id, local.instant(localDate: day, secondsOfDay: 0), .birthday, "birthday/\(today.year)")
            }
            if let first = customer.firstOrderAt {
                let start = local.localDate(of: first)
                let years = today.year - start.year
                if years >= 1, let day = Self.occurrence(of: start, in: today.year) {
                    add(customer.id, local.instant(localDate: day, secondsOfDay: 0), .firstOrderAnniversary(years: years),
                        "first_order_anniversary/\(years)")
                }
            }
            if let last = customer.lastOrderAt {
                let key = "lapsed/\(calendar.localDate(of: last))"
                if let window = customer.lapseWindowDays, window > 0 {
                    add(customer.id, last.addingTimeInterval(window * 86_400), .lapsed(.window), key)
                }
                // Both kinds may come for one last order, with one key: a flow enters once, on whichever comes
                // first and passes its filters (`event.lapse_reason` tells them apart).
                if let threshold = pAliveThreshold, let pAlive = customer.pAlive, pAlive < threshold {
                    // The moment the probability fell is not known: it counts from now, once per last order.
                    add(customer.id, now, .lapsed(.pAlive), key)
                }
            }
            if let rank = customer.valueRankPercent, rank < vipPercent {
                // The event carries the customer's own "top N %" (fewer than 4.5 % spent more → top 5 %); the key
                // names the threshold, so each flow enters once per customer and threshold.
                let percent = Int(rank.rounded(.down)) + 1
                add(customer.id, now, .vipReached(rankPercent: percent), "vip_reached/\(Int(vipPercent.rounded(.up)))")
            }
        }
        for shipment in inputs.openShipments {
            add(shipment.customerID, shipment.promisedBy, .expectedDeliveryReached(orderID: shipment.orderID),
                "expected_delivery_reached/\(shipment.shipmentID)")
            let lateAt = shipment.promisedBy.addingTimeInterval(lateAfter)
            let days = max(1, Int((now.timeIntervalSince(shipment.promisedBy) / 86_400).rounded(.down)))
            add(shipment.customerID, lateAt, .shipmentLate(orderID: shipment.orderID, daysLate: days),
                "shipment_late/\(shipment.shipmentID)")
        }
        for purchase in inputs.lastPurchases where purchase.cycleDays > 0 {
            add(purchase.customerID, purchase.boughtAt.addingTimeInterval(purchase.cycleDays * 86_400),
                .replenishmentDue(sku: purchase.sku), "replenishment_due/\(purchase.orderID)/\(purchase.sku)")
        }
        for expiring in inputs.expiringPoints where expiring.points > 0 {
            let noticeDay = expiring.on.adding(days: -expiryNoticeDays)
            add(expiring.customerID, calendar.instant(localDate: noticeDay, secondsOfDay: 0),
                .pointsExpiring(points: expiring.points, on: expiring.on), "points_expiring/\(expiring.on)")
        }
        return events
    }

    /// The date in `year` of an annual event on `date`'s month and day; 29 February is 28 February in other
    /// years.
    static func occurrence(of date: CivilDate, in year: Int) -> CivilDate? {
        CivilDate(year: year, month: date.month, day: date.day)
            ?? CivilDate(year: year, month: date.month, day: CivilDate.daysInMonth(year: year, month: date.month))
    }
}
