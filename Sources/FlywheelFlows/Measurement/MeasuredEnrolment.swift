public import Foundation

/// One enrolment as attribution sees it: who, which group and variant, when it entered, and when the flow
/// last touched — or, for the holdout group, would have touched — the customer.
public struct MeasuredEnrolment: Hashable, Sendable {
    public var id: String
    public var customerID: String
    public var holdout: Bool
    /// The variant the last split chose (`nil` when the enrolment met no split).
    public var variant: String?
    public var enteredAt: Date
    /// The last send or effect step the enrolment passed (sent, performed or skipped — the holdout's skips
    /// included), or the entry when there was none. The attribution window runs from here.
    public var lastTouchAt: Date
    /// The order that entered the flow, which never counts as a conversion.
    public var entryOrderID: String?

    public init(
        id: String, customerID: String, holdout: Bool, variant: String? = nil, enteredAt: Date, lastTouchAt: Date? = nil,
        entryOrderID: String? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.holdout = holdout
        self.variant = variant
        self.enteredAt = enteredAt
        self.lastTouchAt = max(lastTouchAt ?? enteredAt, enteredAt)
        self.entryOrderID = entryOrderID
    }

    /// The enrolment as its history tells it.
    ///
    /// A touch is every history line of a send or effect step: `sent`, `performed` or `skipped` for any reason.
    /// The holdout group's sends are skipped (`holdout`), so both groups get the same touches at the same
    /// moments of the same path, and their windows are measured alike.
    public init(_ enrolment: Enrolment) {
        var lastTouch = enrolment.enteredAt
        for record in enrolment.history {
            switch record.outcome {
            case .sent, .performed, .skipped: lastTouch = max(lastTouch, record.at)
            default: continue
            }
        }
        self.init(
            id: enrolment.id, customerID: enrolment.customerID, holdout: enrolment.holdout, variant: enrolment.variant,
            enteredAt: enrolment.enteredAt, lastTouchAt: lastTouch, entryOrderID: enrolment.entryEvent.orderID)
    }
}
