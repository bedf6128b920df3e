public import Foundation

extension InMemoryStore {
    public func recordMessageEvent(_ event: MessageEvent) async throws -> MessageEventOutcome {
        guard outbox[event.messageID] != nil else { return .unknownMessage }
        let key = InMemoryMessageEvent.key(event.messageID, event.kind)
        guard var row = messageEvents[key] else {
            messageEvents[key] = InMemoryMessageEvent(first: event, lastAt: event.at, count: 1)
            return .first
        }
        row.count += 1
        row.lastAt = max(row.lastAt, event.at)
        messageEvents[key] = row
        return .repeated
    }

    public func messageEventCount(messageID: String, kind: MessageEvent.Kind) async throws -> Int {
        messageEvents[InMemoryMessageEvent.key(messageID, kind)]?.count ?? 0
    }

    public func flowMeasurementRecords(flowID: String, from: Date?, before: Date?) async throws
        -> FlowMeasurementRecords
    {
        let enrolments = flowSchedule.enrolments.values.filter { row in
            row.flowID == flowID && from.map { row.createdAt >= $0 } ?? true && before.map { row.createdAt < $0 } ?? true
        }
        .sorted { (flowSchedule.order[$0.id, default: 0]) < (flowSchedule.order[$1.id, default: 0]) }
        let messages = outbox.values.filter { message in
            message.flowID == flowID && from.map { message.createdAt >= $0 } ?? true
        }
            .sorted { $0.id < $1.id }
            .map { message in
                TrackedMessage(
                    id: message.id, idempotencyKey: message.idempotencyKey, customerID: message.customerID,
                    status: message.status, createdAt: message.createdAt,
                    openedAt: messageEvents[InMemoryMessageEvent.key(message.id, .open)]?.first.at,
                    clickedAt: messageEvents[InMemoryMessageEvent.key(message.id, .click)]?.first.at)
            }
        let customers = Set(enrolments.map(\.customerID))
        let earliest = enrolments.map(\.createdAt).min()
        let orders = earliest.map { start in
            self.orders.values.compactMap { order -> AttributableOrder? in
                guard let customer = order.customerExternalID, customers.contains(customer), order.placedAt >= start
                else { return nil }
                return AttributableOrder(
                    externalID: order.externalID, customerID: customer, placedAt: order.placedAt, total: order.total,
                    cancelled: order.cancelledAt != nil)
            }
            .sorted { a, b in
                if a.customerID != b.customerID { return a.customerID.utf8.lexicographicallyPrecedes(b.customerID.utf8) }
                return (a.placedAt, a.externalID) < (b.placedAt, b.externalID)
            }
        } ?? []
        return FlowMeasurementRecords(enrolments: enrolments, messages: messages, orders: orders)
    }

    public func measuredFlowIDs() async throws -> [String] {
        Set(flowSchedule.enrolments.values.map(\.flowID)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
