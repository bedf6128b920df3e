/// What flows do to a customer besides messages, in the store: tags, support tickets and coupons
/// (`FlywheelStore` refines it). Each write is idempotent, so a flow step repeated after a crash changes
/// nothing more. See docs/storage.md ("Flow effects").
///
/// Rules every engine keeps:
/// - A customer holds a tag once (customer, tag unique); the first record is kept.
/// - A ticket's `key` and `id` are unique; opening under a stored key stores nothing and returns the stored one.
/// - A coupon's `key` and `code` are unique; issuing under a stored key returns the stored coupon, and a code
///   another key holds throws `FlowEffectsStoreError.couponCodeTaken` (nothing stored).
public protocol FlowEffectsStore: Sendable {
    /// Adds the tag unless the customer has it; `true` when this call added it.
    func addCustomerTag(_ tag: CustomerTag) async throws -> Bool
    /// A customer's tags, by tag in byte order.
    func customerTags(customerID: String) async throws -> [CustomerTag]
    /// Stores the ticket unless one with its key exists; returns the stored one (the first wins).
    func openSupportTicket(_ ticket: SupportTicket) async throws -> SupportTicket
    /// A customer's tickets, oldest first.
    func supportTickets(customerID: String) async throws -> [SupportTicket]
    /// Stores the coupon unless one with its key exists; returns the stored one (the first wins).
    /// Throws `FlowEffectsStoreError.couponCodeTaken` when another key holds its code.
    func issueCoupon(_ coupon: IssuedCoupon) async throws -> IssuedCoupon
    /// A customer's coupons, oldest first.
    func issuedCoupons(customerID: String) async throws -> [IssuedCoupon]
}
