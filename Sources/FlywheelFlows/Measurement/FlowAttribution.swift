public import FlywheelCore
public import Foundation

/// Attributes orders to a flow's enrolments and counts its funnel: the pure half of a flow's report
/// (docs/flows.md, "Measurement"). The store gathers `FlowMeasurementRecords`; this turns them into
/// `FlowCounts` for the flow and for each A/B variant, and `FlowReport`s with the holdout lift.
///
/// Rules:
/// - An enrolment **converts** when its customer placed an order (not cancelled, not the order that entered
///   the flow) after entering and no later than `window` after its last touch (`MeasuredEnrolment`). The same
///   rule holds for both groups: the holdout's windows run from the sends it was denied.
/// - **Revenue** is the total of those orders in `currency` (orders in another currency convert but add
///   nothing: no exchange rates here).
/// - **Sent** counts the outbox messages of the treated enrolments; **delivered** those the server accepted
///   (`sent`); **opened** those whose pixel loaded or whose link was followed (a click proves an open that
///   blocked images hid); **clicked** those with a followed link.
public struct FlowAttribution: Sendable {
    /// The standard window: a week after the last touch.
    public static let defaultWindow: TimeInterval = 7 * 86_400

    public var window: TimeInterval
    public var currency: CurrencyCode
    /// The normal quantile of the intervals (1.96 for 95 %).
    public var z: Double

    public init(currency: CurrencyCode, window: TimeInterval = defaultWindow, z: Double = ProportionInterval.z95) {
        self.currency = currency
        self.window = window
        self.z = z
    }

    /// The flow's report from the store's records. Enrolment rows whose state cannot be read are left out and
    /// counted in `unreadable`.
    public func measure(flowID: String, _ records: FlowMeasurementRecords) -> FlowMeasurement {
        var enrolments: [MeasuredEnrolment] = []
        var unreadable = 0
        for row in records.enrolments {
            if let enrolment = try? Enrolment(snapshot: row.state) {
                enrolments.append(MeasuredEnrolment(enrolment))
            } else {
                unreadable += 1
            }
        }
        return measure(flowID: flowID, enrolments: enrolments, messages: records.messages, orders: records.orders,
            unreadable: unreadable)
    }

    /// The flow's report from enrolments already read.
    public func measure(
        flowID: String, enrolments: [MeasuredEnrolment], messages: [TrackedMessage], orders: [AttributableOrder],
        unreadable: Int = 0
    ) -> FlowMeasurement {
        var ordersByCustomer: [String: [AttributableOrder]] = [:]
        for order in orders where !order.cancelled { ordersByCustomer[order.customerID, default: []].append(order) }
        var messagesByEnrolment: [Substring: [TrackedMessage]] = [:]
        for message in messages { messagesByEnrolment[message.enrolmentID, default: []].append(message) }

        var overall = FlowCounts(currency: currency, entered: 0)
        var byVariant: [String: FlowCounts] = [:]
        for enrolment in enrolments {
            let tally = tally(enrolment, orders: ordersByCustomer[enrolment.customerID] ?? [],
                messages: enrolment.holdout ? [] : messagesByEnrolment[Substring(enrolment.id)] ?? [])
            overall.add(tally)
            if let variant = enrolment.variant {
                byVariant[variant, default: FlowCounts(currency: currency, entered: 0)].add(tally)
            }
        }
        return FlowMeasurement(
            flowID: flowID, report: FlowReport(counts: overall, z: z),
            variants: byVariant.keys.sorted().map { FlowVariantReport(variant: $0, report: FlowReport(counts: byVariant[$0]!, z: z)) },
            unreadable: unreadable)
    }

    /// One enrolment's contribution to the counts.
    func tally(_ enrolment: MeasuredEnrolment, orders: [AttributableOrder], messages: [TrackedMessage])
        -> FlowCounts
    {
        let end = enrolment.lastTouchAt + window
        let attributed = orders.filter { order in
            order.placedAt > enrolment.enteredAt && order.placedAt <= end && order.externalID != enrolment.entryOrderID
        }
        let converted = attributed.isEmpty ? 0 : 1
        let revenue = attributed.reduce(Int64(0)) { $0 + ($1.total.currency == currency ? $1.total.minorUnits : 0) }
        if enrolment.holdout {
            return FlowCounts(
                currency: currency, entered: 0, holdoutEntered: 1, holdoutConverted: converted,
                holdoutRevenueMinor: revenue)
        }
        return FlowCounts(
            currency: currency, entered: 1, sent: messages.count,
            delivered: messages.count { $0.status == .sent },
            opened: messages.count { $0.openedAt != nil || $0.clickedAt != nil },
            clicked: messages.count { $0.clickedAt != nil }, converted: converted, revenueMinor: revenue)
    }
}
