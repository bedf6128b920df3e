public import FlywheelCore
import Foundation
import GRDB

extension SQLiteStore {
    public func addCustomerTag(_ tag: CustomerTag) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO customer_tags (customer_id, tag, tagged_at, source) VALUES (?, ?, ?, ?)
                    ON CONFLICT (customer_id, tag) DO NOTHING
                    """,
                arguments: [tag.customerID, tag.tag, EpochMilliseconds.from(tag.taggedAt), tag.source])
            return db.changesCount == 1
        }
    }

    public func customerTags(customerID: String) async throws -> [CustomerTag] {
        // TEXT compares with memcmp (BINARY): byte order.
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM customer_tags WHERE customer_id = ? ORDER BY tag", arguments: [customerID]
            ).map { row in
                let r = StoredRow(row, table: "customer_tags")
                return CustomerTag(
                    customerID: try r.string("customer_id"), tag: try r.string("tag"), taggedAt: try r.date("tagged_at"),
                    source: try r.string("source"))
            }
        }
    }

    public func openSupportTicket(_ ticket: SupportTicket) async throws -> SupportTicket {
        try await pool.write { db in
            if let stored = try Self.tickets(db, where: "key = ?", [ticket.key]).first { return stored }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM support_tickets WHERE id = ?", arguments: [ticket.id]) == true {
                throw FlowEffectsStoreError.ticketIDTaken(ticket.id)
            }
            try db.execute(
                sql: """
                    INSERT INTO support_tickets (id, key, customer_id, topic, priority, status, order_id, flow_id, opened_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    ticket.id, ticket.key, ticket.customerID, ticket.topic, ticket.priority.rawValue,
                    ticket.status.rawValue, ticket.orderID, ticket.flowID, EpochMilliseconds.from(ticket.openedAt),
                ])
            return ticket
        }
    }

    public func supportTickets(customerID: String) async throws -> [SupportTicket] {
        try await pool.read { db in try Self.tickets(db, where: "customer_id = ?", [customerID]) }
    }

    public func issueCoupon(_ coupon: IssuedCoupon) async throws -> IssuedCoupon {
        try await pool.write { db in
            if let stored = try Self.coupons(db, where: "key = ?", [coupon.key]).first { return stored }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM issued_coupons WHERE code = ?", arguments: [coupon.code]) == true {
                throw FlowEffectsStoreError.couponCodeTaken(coupon.code)
            }
            try db.execute(
                sql: """
                    INSERT INTO issued_coupons (code, key, customer_id, percent_off, amount_off_minor, currency, issued_at,
                        expires_at, flow_id, enrolment_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    coupon.code, coupon.key, coupon.customerID, coupon.percentOff, coupon.amountOff?.minorUnits,
                    coupon.amountOff?.currency.code, EpochMilliseconds.from(coupon.issuedAt),
                    EpochMilliseconds.from(coupon.expiresAt), coupon.flowID, coupon.enrolmentID,
                ])
            return coupon
        }
    }

    public func issuedCoupons(customerID: String) async throws -> [IssuedCoupon] {
        try await pool.read { db in try Self.coupons(db, where: "customer_id = ?", [customerID]) }
    }

    private static func tickets(_ db: Database, where condition: String, _ arguments: StatementArguments) throws
        -> [SupportTicket]
    {
        try Row.fetchAll(
            db, sql: "SELECT * FROM support_tickets WHERE \(condition) ORDER BY opened_at, sequence", arguments: arguments
        ).map { row in
            let r = StoredRow(row, table: "support_tickets")
            return SupportTicket(
                id: try r.string("id"), key: try r.string("key"), customerID: try r.string("customer_id"),
                topic: try r.string("topic"), priority: try r.value("priority"), status: try r.value("status"),
                orderID: r.optionalString("order_id"), flowID: r.optionalString("flow_id"),
                openedAt: try r.date("opened_at"))
        }
    }

    private static func coupons(_ db: Database, where condition: String, _ arguments: StatementArguments) throws
        -> [IssuedCoupon]
    {
        try Row.fetchAll(
            db, sql: "SELECT * FROM issued_coupons WHERE \(condition) ORDER BY issued_at, sequence", arguments: arguments
        ).map { row in
            let r = StoredRow(row, table: "issued_coupons")
            var amountOff: Money?
            if let minor = r.optionalInt64("amount_off_minor") {
                amountOff = Money(minorUnits: minor, currency: try r.currency("currency"))
            }
            return IssuedCoupon(
                code: try r.string("code"), key: try r.string("key"), customerID: try r.string("customer_id"),
                percentOff: try r.optionalInt("percent_off"), amountOff: amountOff, issuedAt: try r.date("issued_at"),
                expiresAt: try r.date("expires_at"), flowID: r.optionalString("flow_id"),
                enrolmentID: r.optionalString("enrolment_id"))
        }
    }
}
