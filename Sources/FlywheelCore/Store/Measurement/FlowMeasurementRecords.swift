/// What a flow's report is computed from, gathered by one store call (`FlowMeasurementStore`): the
/// enrolments that entered in the period, the flow's messages with their opens and clicks, and the orders of
/// the enrolled customers placed since the earliest of those entries.
public struct FlowMeasurementRecords: Hashable, Sendable {
    /// The flow's enrolment rows created in the period (holdout or not, active or finished), oldest first.
    public var enrolments: [StoredEnrolment]
    /// The flow's outbox messages created since the period began, by id.
    public var messages: [TrackedMessage]
    /// Orders of the enrolled customers placed at or after the earliest entry, by customer then time.
    public var orders: [AttributableOrder]

    public init(enrolments: [StoredEnrolment], messages: [TrackedMessage], orders: [AttributableOrder]) {
        self.enrolments = enrolments
        self.messages = messages
        self.orders = orders
    }
}
