extension InMemoryStore {
    /// The flows' part of an erasure (docs/consent.md, "What erasure does to each table"): the customer's
    /// outbox messages (rendered bodies, addresses) with their open and click events, enrolments, timeline and
    /// tags are deleted; support tickets and issued coupons stay under the pseudonym.
    func eraseFlowData(of id: String, pseudonym: String) {
        let messages = outbox.values.filter { $0.customerID == id }
        for message in messages {
            outbox[message.id] = nil
            outboxKeys[message.idempotencyKey] = nil
            for kind in MessageEvent.Kind.allCases { messageEvents[InMemoryMessageEvent.key(message.id, kind)] = nil }
        }
        for row in flowSchedule.enrolments.values where row.customerID == id {
            flowSchedule.enrolments[row.id] = nil
            flowSchedule.order[row.id] = nil
            flowSchedule.entryKeys.remove(row.entryKey)
        }
        for entry in flowSchedule.timeline where entry.customerID == id { flowSchedule.timelineKeys.remove(entry.key) }
        flowSchedule.timeline.removeAll { $0.customerID == id }
        tagTable[id] = nil
        for index in ticketTable.indices where ticketTable[index].customerID == id {
            ticketTable[index].customerID = pseudonym
        }
        for index in couponTable.indices where couponTable[index].customerID == id {
            couponTable[index].customerID = pseudonym
        }
    }
}
