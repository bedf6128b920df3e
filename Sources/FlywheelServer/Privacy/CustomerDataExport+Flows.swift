import FlywheelCore
import Foundation

extension CustomerDataExport {
    /// What the flows keep about a customer: the messages queued or sent to them (with their content and
    /// address), the flows they entered, their timeline, tags, support tickets, coupons and checkouts (carts,
    /// the abandoned-cart reminders' source). The same tables
    /// erasure clears (docs/consent.md, "What erasure does to each table").
    static var flowSections: [CustomerExportSection] {
        [
            CustomerExportSection("messages") { customer, store in
                guard let outbox = store as? any OutboxStore else { return [ExportedMessage]() }
                return try await outbox.outboxMessages(customerID: customer.externalID).map(ExportedMessage.init)
            },
            CustomerExportSection("flow_enrolments") { customer, store in
                try await store.enrolments(customerID: customer.externalID).map(ExportedEnrolment.init)
            },
            CustomerExportSection("flow_timeline") { customer, store in
                var entries: [Components.Schemas.TimelineEntry] = []
                var cursor: TimelineCursor?
                repeat {
                    let page = try await store.timeline(customerID: customer.externalID, before: cursor, limit: 500)
                    entries += page.entries.map(\.api)
                    cursor = page.next
                } while cursor != nil
                return entries
            },
            CustomerExportSection("tags") { customer, store in
                try await store.customerTags(customerID: customer.externalID).map(ExportedTag.init)
            },
            CustomerExportSection("support_tickets") { customer, store in
                try await store.supportTickets(customerID: customer.externalID).map(ExportedTicket.init)
            },
            CustomerExportSection("coupons") { customer, store in
                try await store.issuedCoupons(customerID: customer.externalID).map(ExportedCoupon.init)
            },
            CustomerExportSection("checkouts") { customer, store in
                try await store.checkouts(customerExternalID: customer.externalID).map(ExportedCheckout.init)
            },
        ]
    }
}

/// An outbox message in the export: what was (or is to be) sent, to which address, and what became of it.
struct ExportedMessage: Encodable, Sendable {
    var id: String
    var channel: String
    var messageClass: String
    var recipient: String
    var templateID: String?
    var locale: String?
    var flowID: String?
    var subject: String?
    var text: String
    var status: String
    var createdAt: Date
    var sentAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, channel, messageClass = "message_class", recipient, templateID = "template_id", locale
        case flowID = "flow_id", subject, text, status, createdAt = "created_at", sentAt = "sent_at"
    }

    init(_ message: OutboxMessage) {
        id = message.id
        channel = message.channel.rawValue
        messageClass = message.messageClass
        recipient = message.recipient
        templateID = message.templateID
        locale = message.locale
        flowID = message.flowID
        subject = message.content.subject
        text = message.content.text
        status = message.status.rawValue
        createdAt = message.createdAt
        sentAt = message.sentAt
    }
}

struct ExportedEnrolment: Encodable, Sendable {
    var id: String
    var flowID: String
    var flowVersion: Int
    var status: String
    var enteredAt: Date

    enum CodingKeys: String, CodingKey {
        case id, flowID = "flow_id", flowVersion = "flow_version", status, enteredAt = "entered_at"
    }

    init(_ row: StoredEnrolment) {
        id = row.id
        flowID = row.flowID
        flowVersion = row.flowVersion
        status = row.status.rawValue
        enteredAt = row.createdAt
    }
}

struct ExportedTag: Encodable, Sendable {
    var tag: String
    var taggedAt: Date

    enum CodingKeys: String, CodingKey {
        case tag, taggedAt = "tagged_at"
    }

    init(_ tag: CustomerTag) {
        self.tag = tag.tag
        taggedAt = tag.taggedAt
    }
}

struct ExportedTicket: Encodable, Sendable {
    var id: String
    var topic: String
    var status: String
    var orderID: String?
    var openedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, topic, status, orderID = "order_id", openedAt = "opened_at"
    }

    init(_ ticket: SupportTicket) {
        id = ticket.id
        topic = ticket.topic
        status = ticket.status.rawValue
        orderID = ticket.orderID
        openedAt = ticket.openedAt
    }
}

struct ExportedCoupon: Encodable, Sendable {
    var code: String
    var percentOff: Int?
    var amountOffMinor: Int64?
    var currency: String?
    var issuedAt: Date
    var expiresAt: Date

    enum CodingKeys: String, CodingKey {
        case code, percentOff = "percent_off", amountOffMinor = "amount_off_minor", currency, issuedAt = "issued_at", expiresAt = "expires_at"
    }

    init(_ coupon: IssuedCoupon) {
        code = coupon.code
        percentOff = coupon.percentOff
        amountOffMinor = coupon.amountOff?.minorUnits
        currency = coupon.amountOff?.currency.code
        issuedAt = coupon.issuedAt
        expiresAt = coupon.expiresAt
    }
}
