public import FlywheelCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func recordConsentChange(_ change: ConsentChange, suppression: SuppressionUpdate?) async throws
        -> ConsentChangeOutcome
    {
        try await withConnection { connection in
            try await connection.transaction(logger: self.logger) { connection in
                try await Self.lockCustomers([change.customerExternalID], on: connection, logger: self.logger)
                guard
                    let row = try await connection.rows(
                        """
                        SELECT id, \(unescaped: String(Customer.postgresSelect.dropFirst("SELECT ".count))) \
                        WHERE external_id = \(change.customerExternalID) FOR UPDATE
                        """, logger: self.logger
                    ).first
                else { throw ConsentStoreError.unknownCustomer(change.customerExternalID) }
                let rowID = try PostgresStoredRow(row, table: "customers").int64("id")
                var customer = try Customer(postgresRow: row)
                let proof = change.proof
                try await connection.run(
                    """
                    INSERT INTO consent_changes (customer_id, channel, state, source, changed_at, requested_at, \
                    request_source, request_ip, confirmed_at, confirmation) VALUES (\(rowID), \
                    \(change.channel.rawValue), \(change.state.rawValue), \(change.source.rawValue), \
                    \(PostgresTimestamp(change.changedAt)), \(proof?.requestedAt.map(PostgresTimestamp.init)), \
                    \(proof?.requestSource), \(proof?.requestIP), \(proof?.confirmedAt.map(PostgresTimestamp.init)), \
                    \(proof?.confirmation))
                    """, logger: self.logger)
                switch suppression {
                case .add(let entry): _ = try await Self.addSuppression(entry, on: connection, logger: self.logger)
                case .liftUnsubscribe(let channel, let hash)
                where (customer.consent ?? MarketingConsent()).applying(change) != nil:
                    try await connection.run(
                        """
                        DELETE FROM suppressions WHERE channel = \(channel.rawValue) AND address_hash = \(hash) \
                        AND cause = \(SuppressionCause.unsubscribed.rawValue)
                        """, logger: self.logger)
                case .liftUnsubscribe, nil: break
                }
                let current = customer.consent ?? MarketingConsent()
                guard let updated = current.applying(change) else { return ConsentChangeOutcome.superseded(current) }
                customer.consent = updated
                try await connection.run(
                    """
                    UPDATE customers SET consent_email = \(updated.email.rawValue), consent_sms = \(updated.sms.rawValue), \
                    consent_updated_at = \(updated.updatedAt.map(PostgresTimestamp.init)), \
                    content_hash = \(customer.contentHash) WHERE id = \(rowID)
                    """, logger: self.logger)
                return ConsentChangeOutcome.applied(updated)
            }
        }
    }

    public func consentHistory(customerExternalID: String) async throws -> [ConsentChange] {
        try await rows(
            """
            SELECT c.external_id, h.channel, h.state, h.source, h.changed_at, h.requested_at, h.request_source, \
            h.request_ip, h.confirmed_at, h.confirmation
            FROM consent_changes h JOIN customers c ON c.id = h.customer_id
            WHERE c.external_id = \(customerExternalID) ORDER BY h.changed_at, h.id
            """
        ).map { row in
            let r = PostgresStoredRow(row, table: "consent_changes")
            let proof = OptInProof(
                requestedAt: try r.optionalDate("requested_at"), requestSource: try r.optionalString("request_source"),
                requestIP: try r.optionalString("request_ip"), confirmedAt: try r.optionalDate("confirmed_at"),
                confirmation: try r.optionalString("confirmation"))
            return ConsentChange(
                customerExternalID: try r.string("external_id"), channel: try r.value("channel"),
                state: try r.value("state"), source: try r.value("source"), changedAt: try r.date("changed_at"),
                proof: proof)
        }
    }

    @discardableResult
    public func suppress(_ entry: SuppressionEntry) async throws -> SuppressionEntry {
        try await withConnection { connection in
            try await connection.transaction(logger: self.logger) { connection in
                try await Self.addSuppression(entry, on: connection, logger: self.logger)
            }
        }
    }

    public func suppression(channel: ConsentChannel, addressHash: String) async throws -> SuppressionEntry? {
        try await rows(
            "\(unescaped: Self.suppressionSelect) WHERE channel = \(channel.rawValue) AND address_hash = \(addressHash)"
        ).first.map(Self.suppression(row:))
    }

    public func suppressions() async throws -> [SuppressionEntry] {
        try await rows("\(unescaped: Self.suppressionSelect) ORDER BY channel COLLATE \"C\", address_hash")
            .map(Self.suppression(row:))
    }

    public func suppressions(channel: ConsentChannel, addressHashes: [String]) async throws -> [SuppressionEntry] {
        guard !addressHashes.isEmpty else { return [] }
        let hashes = Array(Set(addressHashes))
        return try await rows(
            """
            \(unescaped: Self.suppressionSelect)
            WHERE channel = \(channel.rawValue) AND address_hash = ANY(\(hashes)::text[]) ORDER BY address_hash
            """
        ).map(Self.suppression(row:))
    }

    public func customers(externalIDs: [String]) async throws -> [Customer] {
        guard !externalIDs.isEmpty else { return [] }
        let ids = Array(Set(externalIDs))
        return try await rows(
            """
            \(unescaped: Customer.postgresSelect) WHERE external_id = ANY(\(ids)::text[]) ORDER BY external_id COLLATE "C"
            """
        ).map(Customer.init(postgresRow:))
    }

    public func eraseCustomer(_ erasure: CustomerErasure) async throws {
        try await withConnection { connection in
            try await connection.transaction(logger: self.logger) { connection in
                let logger = self.logger
                try await Self.lockCustomers([erasure.customerExternalID, erasure.pseudonym], on: connection, logger: logger)
                guard
                    let row = try await connection.rows(
                        """
                        SELECT id, email, first_name, last_name, created_at FROM customers \
                        WHERE external_id = \(erasure.customerExternalID) \
                        FOR UPDATE
                        """, logger: logger
                    ).first
                else { throw ConsentStoreError.unknownCustomer(erasure.customerExternalID) }
                let taken = try await connection.rows(
                    """
                    SELECT 1 FROM customers WHERE external_id = \(erasure.pseudonym) \
                    UNION ALL SELECT 1 FROM loyalty_sources WHERE customer = \(erasure.pseudonym)
                    """, logger: logger)
                guard taken.isEmpty else { throw ConsentStoreError.pseudonymTaken(erasure.pseudonym) }
                let r = PostgresStoredRow(row, table: "customers")
                let rowID = try r.int64("id")
                let email = try r.optionalString("email")
                let firstName = try r.optionalString("first_name")
                let lastName = try r.optionalString("last_name")
                let pseudonymised = Customer(externalID: erasure.pseudonym, createdAt: try r.optionalDate("created_at"))
                try await connection.run(
                    """
                    UPDATE customers SET external_id = \(erasure.pseudonym), email = NULL, first_name = NULL, \
                    last_name = NULL, birthday = NULL, locale = NULL, consent_email = NULL, consent_sms = NULL, \
                    consent_updated_at = NULL, content_hash = \(pseudonymised.contentHash) WHERE id = \(rowID)
                    """, logger: logger)
                try await connection.run("DELETE FROM consent_changes WHERE customer_id = \(rowID)", logger: logger)
                try await connection.run(
                    "UPDATE survey_answers SET comment = NULL WHERE customer_id = \(rowID)", logger: logger)
                try await connection.run(
                    "UPDATE reviews SET title = NULL, body = NULL WHERE customer_id = \(rowID)", logger: logger)
                try await connection.run(
                    """
                    UPDATE shipments SET tracking_number = NULL
                    WHERE order_id IN (SELECT id FROM orders WHERE customer_id = \(rowID))
                    """, logger: logger)
                try await connection.run(
                    "UPDATE returns SET reason = NULL WHERE order_id IN (SELECT id FROM orders WHERE customer_id = \(rowID))",
                    logger: logger)
                // The flows' data, keyed by the shop's id (docs/consent.md, "What erasure does to each table"):
                // messages (their events go with them), enrolments, timeline and tags deleted; tickets and
                // coupons kept under the pseudonym.
                let id = erasure.customerExternalID
                let pseudonym = erasure.pseudonym
                try await connection.run("DELETE FROM outbox_messages WHERE customer_id = \(id)", logger: logger)
                try await connection.run("DELETE FROM flow_timeline WHERE customer_id = \(id)", logger: logger)
                try await connection.run("DELETE FROM flow_enrolments WHERE customer_id = \(id)", logger: logger)
                try await connection.run("DELETE FROM customer_tags WHERE customer_id = \(id)", logger: logger)
                try await connection.run(
                    "UPDATE support_tickets SET customer_id = \(pseudonym) WHERE customer_id = \(id)", logger: logger)
                try await connection.run(
                    "UPDATE issued_coupons SET customer_id = \(pseudonym) WHERE customer_id = \(id)", logger: logger)
                let address = email.map { SuppressionEntry.normalise($0, .email) }
                try await connection.run(
                    """
                    DELETE FROM checkouts WHERE customer_external_id = \(erasure.customerExternalID) \
                    OR lower(email) = \(address)
                    """, logger: logger)
                if let email {
                    try await connection.run(
                        "UPDATE suppressions SET address = NULL WHERE address = \(SuppressionEntry.normalise(email, .email))",
                        logger: logger)
                }
                for entry in erasure.suppressions {
                    _ = try await Self.addSuppression(entry, on: connection, logger: logger)
                }
                try await Self.eraseLoyalty(erasure, on: connection, logger: logger)
                let mentions = CustomerErasure.mentions(
                    id: id, email: email, firstName: firstName, lastName: lastName)
                try await Self.forgetIdempotencyRecords(mentioning: mentions, on: connection, logger: logger)
            }
        }
    }

    /// Takes the ingest's advisory locks of these customers, so a concurrent batch on them waits.
    private static func lockCustomers(_ ids: [String], on connection: PostgresConnection, logger: Logger) async throws {
        let batch = IngestBatch(customers: ids.map { Customer(externalID: $0) })
        try await IngestLocks.lock(IngestLocks.buckets(for: batch, checkpoint: nil), on: connection, logger: logger)
    }

    private static func addSuppression(_ entry: SuppressionEntry, on connection: PostgresConnection, logger: Logger)
        async throws -> SuppressionEntry
    {
        // The row lock (or the key's insertion) orders concurrent additions of one address.
        try await connection.run(
            """
            INSERT INTO suppressions (channel, address_hash, address, cause, source, suppressed_at) VALUES \
            (\(entry.channel.rawValue), \(entry.addressHash), \(entry.address), \(entry.cause.rawValue), \
            \(entry.source.rawValue), \(PostgresTimestamp(entry.suppressedAt))) ON CONFLICT (channel, address_hash) DO NOTHING
            """, logger: logger)
        guard
            let row = try await connection.rows(
                """
                \(unescaped: suppressionSelect) WHERE channel = \(entry.channel.rawValue) \
                AND address_hash = \(entry.addressHash) FOR UPDATE
                """, logger: logger
            ).first
        else { return entry }
        let stored = try suppression(row: row)
        let kept = stored.merged(with: entry)
        guard kept != stored else { return kept }
        try await connection.run(
            """
            UPDATE suppressions SET address = \(kept.address), cause = \(kept.cause.rawValue), \
            source = \(kept.source.rawValue), suppressed_at = \(PostgresTimestamp(kept.suppressedAt)) \
            WHERE channel = \(kept.channel.rawValue) AND address_hash = \(kept.addressHash)
            """, logger: logger)
        return kept
    }

    private static let suppressionSelect =
        "SELECT channel, address_hash, address, cause, source, suppressed_at FROM suppressions"

    private static func suppression(row: PostgresRow) throws -> SuppressionEntry {
        let r = PostgresStoredRow(row, table: "suppressions")
        return SuppressionEntry(
            channel: try r.value("channel"), addressHash: try r.string("address_hash"),
            address: try r.optionalString("address"), cause: try r.value("cause"), source: try r.value("source"),
            suppressedAt: try r.date("suppressed_at"))
    }
}
