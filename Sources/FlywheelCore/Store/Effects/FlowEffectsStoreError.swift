/// Why the store refused a flow effect.
public enum FlowEffectsStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The coupon code is already issued under another key; draw another code.
    case couponCodeTaken(String)
    /// A ticket id is already used by another key.
    case ticketIDTaken(String)

    public var description: String {
        switch self {
        case .couponCodeTaken(let code): "coupon code \(code): already issued under another key; draw another code"
        case .ticketIDTaken(let id): "support ticket \(id): the id is already used by another key"
        }
    }
}
