public import Foundation

/// A trigger event for one customer at one instant.
public struct FlowEvent: Hashable, Sendable {
    public var customerID: String
    public var occurredAt: Date
    public var trigger: TriggerEvent

    public init(customerID: String, occurredAt: Date, trigger: TriggerEvent) {
        self.customerID = customerID
        self.occurredAt = occurredAt
        self.trigger = trigger
    }
}
