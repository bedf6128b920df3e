extension InMemoryStore {
    public func addCustomerTag(_ tag: CustomerTag) async throws -> Bool {
        guard tagTable[tag.customerID]?[tag.tag] == nil else { return false }
        tagTable[tag.customerID, default: [:]][tag.tag] = tag
        return true
    }

    public func customerTags(customerID: String) async throws -> [CustomerTag] {
        let tags = tagTable[customerID] ?? [:]
        return tags.keys.sorted(by: KeyOrder.precedes).compactMap { tags[$0] }
    }

    public func openSupportTicket(_ ticket: SupportTicket) async throws -> SupportTicket {
        if let stored = ticketTable.first(where: { $0.key == ticket.key }) { return stored }
        if ticketTable.contains(where: { $0.id == ticket.id }) { throw FlowEffectsStoreError.ticketIDTaken(ticket.id) }
        ticketTable.append(ticket)
        return ticket
    }

    public func supportTickets(customerID: String) async throws -> [SupportTicket] {
        // Stable: tickets opened at the same instant keep the order they were stored in.
        ticketTable.filter { $0.customerID == customerID }.enumerated()
            .sorted { ($0.element.openedAt, $0.offset) < ($1.element.openedAt, $1.offset) }.map(\.element)
    }

    public func issueCoupon(_ coupon: IssuedCoupon) async throws -> IssuedCoupon {
        if let stored = couponTable.first(where: { $0.key == coupon.key }) { return stored }
        if couponTable.contains(where: { $0.code == coupon.code }) {
            throw FlowEffectsStoreError.couponCodeTaken(coupon.code)
        }
        couponTable.append(coupon)
        return coupon
    }

    public func issuedCoupons(customerID: String) async throws -> [IssuedCoupon] {
        couponTable.filter { $0.customerID == customerID }.enumerated()
            .sorted { ($0.element.issuedAt, $0.offset) < ($1.element.issuedAt, $1.offset) }.map(\.element)
    }
}
