public import FlywheelCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func addCustomerTag(_ tag: CustomerTag) async throws -> Bool {
        try await !rows(
            """
            INSERT INTO customer_tags (customer_id, tag, tagged_at, source)
            VALUES (\(tag.customerID), \(tag.tag), \(PostgresTimestamp(tag.taggedAt)), \(tag.source))
            ON CONFLICT (customer_id, tag) DO NOTHING RETURNING tag
            """
        ).isEmpty
    }

    public func customerTags(customerID: String) async throws -> [CustomerTag] {
        try await rows(
            "SELECT customer_id, tag, tagged_at, source FROM customer_tags WHERE customer_id = \(customerID) ORDER BY tag"
        ).map { row in
            let r = PostgresStoredRow(row, table: "customer_tags")
            return CustomerTag(
                customerID: try r.string("customer_id"), tag: try r.string("tag"), taggedAt: try r.date("tagged_at"),
                source: try r.string("source"))
        }
    }

    public func openSupportTicket(_ ticket: SupportTicket) async throws -> SupportTicket {
        // Without a conflict target, a clash on either unique key (id, key) inserts nothing.
        let inserted = try await rows(
            """
            INSERT INTO support_tickets (id, key, customer_id, topic, priority, status, order_id, flow_id, opened_at)
            VALUES (\(ticket.id), \(ticket.key), \(ticket.customerID), \(ticket.topic), \(ticket.priority.rawValue), \
            \(ticket.status.rawValue), \(ticket.orderID), \(ticket.flowID), \(PostgresTimestamp(ticket.openedAt)))
            ON CONFLICT DO NOTHING RETURNING id
            """)
        if !inserted.isEmpty { return ticket }
        if let stored = try await rows("\(unescaped: Self.ticketSelect) WHERE key = \(ticket.key)").first {
            return try Self.ticket(row: stored)
        }
        throw FlowEffectsStoreError.ticketIDTaken(ticket.id)
    }

    public func supportTickets(customerID: String) async throws -> [SupportTicket] {
        try await rows("\(unescaped: Self.ticketSelect) WHERE customer_id = \(customerID) ORDER BY opened_at, sequence")
            .map(Self.ticket(row:))
    }

    public func issueCoupon(_ coupon: IssuedCoupon) async throws -> IssuedCoupon {
        let inserted = try await rows(
            """
            INSERT INTO issued_coupons (code, key, customer_id, percent_off, amount_off_minor, currency, issued_at,
                expires_at, flow_id, enrolment_id)
            VALUES (\(coupon.code), \(coupon.key), \(coupon.customerID), \(coupon.percentOff), \
            \(coupon.amountOff?.minorUnits), \(coupon.amountOff?.currency.code), \(PostgresTimestamp(coupon.issuedAt)), \
            \(PostgresTimestamp(coupon.expiresAt)), \(coupon.flowID), \(coupon.enrolmentID))
            ON CONFLICT DO NOTHING RETURNING code
            """)
        if !inserted.isEmpty { return coupon }
        if let stored = try await rows("\(unescaped: Self.couponSelect) WHERE key = \(coupon.key)").first {
            return try Self.coupon(row: stored)
        }
        throw FlowEffectsStoreError.couponCodeTaken(coupon.code)
    }

    public func issuedCoupons(customerID: String) async throws -> [IssuedCoupon] {
        try await rows("\(unescaped: Self.couponSelect) WHERE customer_id = \(customerID) ORDER BY issued_at, sequence")
            .map(Self.coupon(row:))
    }

    private static let ticketSelect = """
        SELECT id, key, customer_id, topic, priority, status, order_id, flow_id, opened_at FROM support_tickets
        """

    private static let couponSelect = """
        SELECT code, key, customer_id, percent_off, amount_off_minor, currency, issued_at, expires_at, flow_id,
            enrolment_id
        FROM issued_coupons
        """

    private static func ticket(row: PostgresRow) throws -> SupportTicket {
        let r = PostgresStoredRow(row, table: "support_tickets")
        return SupportTicket(
            id: try r.string("id"), key: try r.string("key"), customerID: try r.string("customer_id"),
            topic: try r.string("topic"), priority: try r.value("priority"), status: try r.value("status"),
            orderID: try r.optionalString("order_id"), flowID: try r.optionalString("flow_id"),
            openedAt: try r.date("opened_at"))
    }

    private static func coupon(row: PostgresRow) throws -> IssuedCoupon {
        let r = PostgresStoredRow(row, table: "issued_coupons")
        var amountOff: Money?
        if let minor = try r.optionalInt64("amount_off_minor") {
            amountOff = Money(minorUnits: minor, currency: try r.currency("currency"))
        }
        let percent: Int32? = try r.optional("percent_off")
        return IssuedCoupon(
            code: try r.string("code"), key: try r.string("key"), customerID: try r.string("customer_id"),
            percentOff: percent.map(Int.init), amountOff: amountOff, issuedAt: try r.date("issued_at"),
            expiresAt: try r.date("expires_at"), flowID: try r.optionalString("flow_id"),
            enrolmentID: try r.optionalString("enrolment_id"))
    }
}
