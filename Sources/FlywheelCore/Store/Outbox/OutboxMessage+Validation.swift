extension OutboxMessage {
    /// Checks what every engine requires before queueing: ids, key, recipient and, for e-mail, a subject.
    /// - Throws: `OutboxStoreError.invalidMessage` naming the field.
    public func validate() throws {
        func require(_ ok: Bool, _ reason: String) throws {
            if !ok { throw OutboxStoreError.invalidMessage(id: id, reason: reason) }
        }
        try require(!id.isEmpty, "id is empty")
        try require(!idempotencyKey.isEmpty, "idempotency key is empty")
        try require(!customerID.isEmpty, "customer id is empty")
        try require(!recipient.isEmpty, "recipient is empty")
        try require(channel == .sms || content.subject != nil, "an e-mail needs a subject")
        try require(status == .queued && attempts == 0, "a new message must be queued with no attempts")
    }
}
