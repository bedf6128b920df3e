public import FlywheelFlows

/// One flow send to render and enqueue: the flow's message, its recipient (an e-mail address or phone
/// number) and the template's values (see `OutboxEnqueuer.enqueue(_:recipient:values:)`).
public struct OutboxSend: Sendable {
    public var outgoing: OutgoingMessage
    public var recipient: String
    public var values: TemplateValue

    /// A send.
    public init(_ outgoing: OutgoingMessage, recipient: String, values: TemplateValue) {
        self.outgoing = outgoing
        self.recipient = recipient
        self.values = values
    }
}
