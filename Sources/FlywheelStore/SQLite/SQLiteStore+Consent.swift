public import FlywheelCore
import Foundation
import GRDB

extension SQLiteStore {
    public func recordConsentChange(_ change: ConsentChange, suppression: SuppressionUpdate?) async throws
        -> ConsentChangeOutcome
    {
        try await pool.write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, " + Customer.sqliteSelect.dropFirst("SELECT ".count) + " WHERE external_id = ?",
                    arguments: [change.customerExternalID])
            else { throw ConsentStoreError.unknownCustomer(change.customerExternalID) }
            let rowID: Int64 = row["id"]
            var customer = try Customer(sqliteRow: row)
            let proof = change.proof
            try db.execute(
                sql: """
                    INSERT INTO consent_changes (customer_id, channel, state, source, changed_at, requested_at, \
                    request_source, request_ip, confirmed_at, confirmation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    rowID, change.channel.rawValue, change.state.rawValue, change.source.rawValue,
                    EpochMilliseconds.from(change.changedAt), proof?.requestedAt.map(EpochMilliseconds.from),
                    proof?.requestSource, proof?.requestIP, proof?.confirmedAt.map(EpochMilliseconds.from),
                    proof?.confirmation,
                ])
            switch suppression {
            case .add(let entry): _ = try Self.addSuppression(entry, db)
            case .liftUnsubscribe(let channel, let hash) where (customer.consent ?? MarketingConsent()).applying(change) != nil:
                try db.execute(
                    sql: "DELETE FROM suppressions WHERE channel = ? AND address_hash = ? AND cause = ?",
                    arguments: [channel.rawValue, hash, SuppressionCause.unsubscribed.rawValue])
            case .liftUnsubscribe, nil: break
            }
            let current = customer.consent ?? MarketingConsent()
            guard let updated = current.applying(change) else { return .superseded(current) }
            customer.consent = updated
            try db.execute(
                sql: """
                    UPDATE customers SET consent_email = ?, consent_sms = ?, consent_updated_at = ?, content_hash = ?
                    WHERE id = ?
                    """,
                arguments: [
                    updated.email.rawValue, updated.sms.rawValue, updated.updatedAt.map(EpochMilliseconds.from),
                    customer.contentHash, rowID,
                ])
            return .applied(updated)
        }
    }

    public func consentHistory(customerExternalID: String) async throws -> [ConsentChange] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.external_id, h.channel, h.state, h.source, h.changed_at, h.requested_at, h.request_source, \
                    h.request_ip, h.confirmed_at, h.confirmation
                    FROM consent_changes h JOIN customers c ON c.id = h.customer_id
                    WHERE c.external_id = ? ORDER BY h.changed_at, h.id
                    """,
                arguments: [customerExternalID]
            ).map { row in
                let r = StoredRow(row, table: "consent_changes")
                let proof = OptInProof(
                    requestedAt: r.optionalDate("requested_at"), requestSource: r.optionalString("request_source"),
                    requestIP: r.optionalString("request_ip"), confirmedAt: r.optionalDate("confirmed_at"),
                    confirmation: r.optionalString("confirmation"))
                return ConsentChange(
                    customerExternalID: try r.string("external_id"), channel: try r.value("channel"),
                    state: try r.value("state"), source: try r.value("source"), changedAt: try r.date("changed_at"),
                    proof: proof)
            }
        }
    }

    @discardableResult
    public func suppress(_ entry: SuppressionEntry) async throws -> SuppressionEntry {
        try await pool.write { db in try Self.addSuppression(entry, db) }
    }

    public func suppression(channel: ConsentChannel, addressHash: String) async throws -> SuppressionEntry? {
        try await pool.read { db in
            try Self.suppressions(db, where: "channel = ? AND address_hash = ?", [channel.rawValue, addressHash]).first
        }
    }

    public func suppressions() async throws -> [SuppressionEntry] {
        try await pool.read { db in try Self.suppressions(db, where: "1 = 1", []) }
    }

    public func suppressions(channel: ConsentChannel, addressHashes: [String]) async throws -> [SuppressionEntry] {
        guard !addressHashes.isEmpty else { return [] }
        return try await pool.read { db in
            try Self.suppressions(
                db, where: "channel = ? AND address_hash IN (SELECT value FROM json_each(?))",
                [channel.rawValue, JSONArrayText.of(Array(Set(addressHashes)))])
        }
    }

    public func customers(externalIDs: [String]) async throws -> [Customer] {
        guard !externalIDs.isEmpty else { return [] }
        return try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: Customer.sqliteSelect + "\nWHERE external_id IN (SELECT value FROM json_each(?1)) ORDER BY external_id",
                arguments: [JSONArrayText.of(Array(Set(externalIDs)))]
            ).map(Customer.init(sqliteRow:))
        }
    }

    /// Erases with `secure_delete` on, so the freed space of every changed row and index entry is overwritten
    /// with zeros, and then truncates the write-ahead log, whose older frames would still hold old page images
    /// (best effort: while a reader holds an old snapshot the log cannot be truncated at once).
    public func eraseCustomer(_ erasure: CustomerErasure) async throws {
        try await pool.writeWithoutTransaction { [ledgerCache] db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = FAST") }
            try db.inTransaction(.immediate) {
                // The erasure renames ledger rows: ledger writes after it must read them from the file.
                ledgerCache.forgetAll()
                try Self.erase(erasure, db)
                return .commit
            }
            try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    private static func erase(_ erasure: CustomerErasure, _ db: Database) throws {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT id, email, first_name, last_name, created_at FROM customers WHERE external_id = ?",
                arguments: [erasure.customerExternalID])
        else { throw ConsentStoreError.unknownCustomer(erasure.customerExternalID) }
        let taken = try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM customers WHERE external_id = ?1)
                OR EXISTS (SELECT 1 FROM loyalty_sources WHERE customer = ?1)
                """,
            arguments: [erasure.pseudonym])
        guard taken != true else { throw ConsentStoreError.pseudonymTaken(erasure.pseudonym) }
        let rowID: Int64 = row["id"]
        let email: String? = row["email"]
        let createdAt: Int64? = row["created_at"]
        let pseudonymised = Customer(
            externalID: erasure.pseudonym, createdAt: createdAt.map(EpochMilliseconds.date))
        try db.execute(
            sql: """
                UPDATE customers SET external_id = ?, email = NULL, first_name = NULL, last_name = NULL, \
                birthday = NULL, locale = NULL, consent_email = NULL, consent_sms = NULL, \
                consent_updated_at = NULL, content_hash = ? WHERE id = ?
                """,
            arguments: [erasure.pseudonym, pseudonymised.contentHash, rowID])
        try db.execute(sql: "DELETE FROM consent_changes WHERE customer_id = ?", arguments: [rowID])
        try db.execute(
            sql: "UPDATE survey_answers SET comment = NULL WHERE customer_id = ?", arguments: [rowID])
        try db.execute(
            sql: "UPDATE reviews SET title = NULL, body = NULL WHERE customer_id = ?", arguments: [rowID])
        try db.execute(
            sql: """
                UPDATE shipments SET tracking_number = NULL
                WHERE order_id IN (SELECT id FROM orders WHERE customer_id = ?)
                """,
            arguments: [rowID])
        try db.execute(
            sql: "UPDATE returns SET reason = NULL WHERE order_id IN (SELECT id FROM orders WHERE customer_id = ?)",
            arguments: [rowID])
        // The flows' data, keyed by the shop's id (docs/consent.md, "What erasure does to each table").
        for statement in Self.flowErasure {
            try db.execute(
                sql: statement.sql,
                arguments: statement.pseudonym
                    ? [erasure.pseudonym, erasure.customerExternalID] : [erasure.customerExternalID])
        }
        try db.execute(
            sql: "DELETE FROM checkouts WHERE customer_external_id = ? OR lower(email) = ?",
            arguments: [erasure.customerExternalID, email.map { SuppressionEntry.normalise($0, .email) }])
        if let email {
            try db.execute(
                sql: "UPDATE suppressions SET address = NULL WHERE address = ?",
                arguments: [SuppressionEntry.normalise(email, .email)])
        }
        for entry in erasure.suppressions { _ = try Self.addSuppression(entry, db) }
        try Self.eraseLoyalty(erasure, db)
        try Self.forgetIdempotencyRecords(
            mentioning: CustomerErasure.mentions(
                id: erasure.customerExternalID, email: email, firstName: row["first_name"], lastName: row["last_name"]),
            db)
    }

    /// The flows' part of an erasure: messages (with their events), enrolments, timeline and tags deleted;
    /// tickets and coupons kept under the pseudonym (bound first when `pseudonym`).
    static let flowErasure: [(sql: String, pseudonym: Bool)] = [
        ("DELETE FROM message_events WHERE message_id IN (SELECT id FROM outbox_messages WHERE customer_id = ?)", false),
        ("DELETE FROM outbox_messages WHERE customer_id = ?", false),
        ("DELETE FROM flow_timeline WHERE customer_id = ?", false),
        ("DELETE FROM flow_enrolments WHERE customer_id = ?", false),
        ("DELETE FROM customer_tags WHERE customer_id = ?", false),
        ("UPDATE support_tickets SET customer_id = ? WHERE customer_id = ?", true),
        ("UPDATE issued_coupons SET customer_id = ? WHERE customer_id = ?", true),
    ]

    private static func addSuppression(_ entry: SuppressionEntry, _ db: Database) throws -> SuppressionEntry {
        let stored = try suppressions(
            db, where: "channel = ? AND address_hash = ?", [entry.channel.rawValue, entry.addressHash]
        ).first
        let kept = stored.map { $0.merged(with: entry) } ?? entry
        guard kept != stored else { return kept }
        try db.execute(
            sql: """
                INSERT INTO suppressions (channel, address_hash, address, cause, source, suppressed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (channel, address_hash) DO UPDATE SET address = excluded.address, cause = excluded.cause,
                source = excluded.source, suppressed_at = excluded.suppressed_at
                """,
            arguments: [
                kept.channel.rawValue, kept.addressHash, kept.address, kept.cause.rawValue, kept.source.rawValue,
                EpochMilliseconds.from(kept.suppressedAt),
            ])
        return kept
    }

    private static func suppressions(_ db: Database, where condition: String, _ arguments: StatementArguments) throws
        -> [SuppressionEntry]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT channel, address_hash, address, cause, source, suppressed_at FROM suppressions
                WHERE \(condition) ORDER BY channel, address_hash
                """,
            arguments: arguments
        ).map { row in
            let r = StoredRow(row, table: "suppressions")
            return SuppressionEntry(
                channel: try r.value("channel"), addressHash: try r.string("address_hash"),
                address: r.optionalString("address"), cause: try r.value("cause"), source: try r.value("source"),
                suppressedAt: try r.date("suppressed_at"))
        }
    }
}
