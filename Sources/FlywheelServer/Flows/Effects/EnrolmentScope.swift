import FlywheelCore
import FlywheelFlows
import Foundation

/// What the actions of one enrolment share while a batch is performed: the enrolment, the order it is about,
/// and the coupon and ticket an earlier action of the same round produced (a later message shows them).
struct EnrolmentScope {
    let row: StoredEnrolment
    /// The entry event's order, if it names one (the order a message is about).
    let orderID: String?
    /// The entry event's checkout, for an abandoned cart (the cart a reminder shows).
    let cartID: String?
    var coupon: IssuedCoupon?
    var ticket: SupportTicket?

    init(_ row: StoredEnrolment) {
        self.row = row
        let entry = (try? Enrolment(snapshot: row.state))?.entryEvent
        self.orderID = entry?.orderID
        if case .cartAbandoned(let cart, _)? = entry { cartID = cart } else { cartID = nil }
    }

    /// A timeline entry for this enrolment about the action keyed `key` (its step is the key's middle part).
    func entry(_ kind: TimelineEntry.Kind, key: String, suffix: String, at: Date, messageID: String? = nil, detail: String)
        -> TimelineEntry
    {
        TimelineEntry(
            key: key + "#" + suffix, customerID: row.customerID, at: at, kind: kind, flowID: row.flowID,
            flowVersion: row.flowVersion, enrolmentID: row.id, stepID: Self.stepID(of: key), messageID: messageID,
            detail: detail)
    }

    /// The step id inside an effect key `enrolmentID/stepID/historyCount`.
    static func stepID(of key: String) -> String? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 3 ? String(parts[1]) : nil
    }
}
