/// What a step does. The file key names the kind: `wait`, `condition`, `split`, `send_email`, `send_sms`,
/// `give_points`, `issue_coupon`, `tag_customer`, `open_ticket`, `call_webhook`.
public enum StepKind: Hashable, Sendable {
    case wait(WaitSpec)
    /// Goes to `then` when the condition holds, else to `else`; `nil` ends the flow.
    case condition(Condition, then: String?, else: String?)
    /// A random but stable split by weight (each variant names its next step).
    case split([SplitVariant])
    case send(MessageSpec)
    case givePoints(PointsSpec)
    case issueCoupon(CouponSpec)
    case tagCustomer(String)
    case openTicket(TicketSpec)
    case callWebhook(WebhookSpec)

    /// The file key of the kind.
    public var key: String {
        switch self {
        case .wait: "wait"
        case .condition: "condition"
        case .split: "split"
        case .send(let spec): spec.channel == .email ? "send_email" : "send_sms"
        case .givePoints: "give_points"
        case .issueCoupon: "issue_coupon"
        case .tagCustomer: "tag_customer"
        case .openTicket: "open_ticket"
        case .callWebhook: "call_webhook"
        }
    }

    /// Whether the step branches itself (a `next` key is not allowed).
    var branches: Bool {
        switch self {
        case .condition, .split: true
        default: false
        }
    }
}
