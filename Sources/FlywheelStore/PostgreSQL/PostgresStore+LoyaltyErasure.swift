import FlywheelCore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// The loyalty part of an erasure, inside its transaction (as `SQLiteStore.eraseLoyalty`; docs/consent.md,
    /// "The ledger and erasure"). Takes the ledger locks of the id and the pseudonym first (so no ledger
    /// transaction of the customer runs meanwhile) and defers the ledger's foreign keys to the commit
    /// (`v15 ledger erasure` made them deferrable), since the rename goes table by table.
    static func eraseLoyalty(_ erasure: CustomerErasure, on connection: PostgresConnection, logger: Logger)
        async throws
    {
        let id = erasure.customerExternalID
        let pseudonym = erasure.pseudonym
        for key in Set([LedgerLock.key(id), LedgerLock.key(pseudonym)]).sorted() {
            try await connection.run("SELECT pg_advisory_xact_lock(\(LedgerLock.space), \(key))", logger: logger)
        }
        try await connection.run("SET CONSTRAINTS ALL DEFERRED", logger: logger)
        try await connection.run(
            """
            INSERT INTO loyalty_erasures (pseudonym, erased_at) VALUES \
            (\(pseudonym), \(PostgresTimestamp(erasure.erasedAt)))
            """, logger: logger)
        // Referral sources naming the customer in any ledger (found through the index on (kind, key)).
        var referrals: [(owner: String, key: String)] = []
        for row in try await connection.rows(
            """
            SELECT customer, key FROM loyalty_sources
            WHERE kind = 'referral' AND starts_with(key, \(id + ":"))
            """, logger: logger)
        {
            let (owner, key) = try row.decode((String, String).self)
            referrals.append((owner == id ? pseudonym : owner, key))
        }
        try await connection.run("UPDATE loyalty_sources SET customer = \(pseudonym) WHERE customer = \(id)", logger: logger)
        try await connection.run("UPDATE loyalty_lots SET customer = \(pseudonym) WHERE customer = \(id)", logger: logger)
        try await connection.run("UPDATE loyalty_entries SET customer = \(pseudonym) WHERE customer = \(id)", logger: logger)
        try await connection.run("UPDATE loyalty_balances SET customer = \(pseudonym) WHERE customer = \(id)", logger: logger)
        for (owner, key) in referrals {
            let renamed = pseudonym + key.dropFirst(id.count)
            try await connection.run(
                """
                UPDATE loyalty_sources SET key = \(renamed) \
                WHERE customer = \(owner) AND kind = 'referral' AND key = \(key)
                """, logger: logger)
            try await connection.run(
                """
                UPDATE loyalty_lots SET source_key = \(renamed) \
                WHERE customer = \(owner) AND source_kind = 'referral' AND source_key = \(key)
                """, logger: logger)
            try await connection.run(
                """
                UPDATE loyalty_entries SET source_key = \(renamed) \
                WHERE customer = \(owner) AND source_kind = 'referral' AND source_key = \(key)
                """, logger: logger)
        }
        try await connection.run(
            """
            UPDATE loyalty_sources SET reference = \(pseudonym) \
            WHERE kind = 'referral' AND key = 'signup' AND reference = \(id)
            """, logger: logger)
        try await connection.run(
            """
            UPDATE loyalty_imported_members SET customer = \(pseudonym), referral_code = NULL, referral_link = NULL \
            WHERE customer = \(id)
            """, logger: logger)
    }

    /// Deletes the stored idempotent answers whose key or body mentions the person (case-insensitive).
    static func forgetIdempotencyRecords(
        mentioning mentions: [String], on connection: PostgresConnection, logger: Logger
    ) async throws {
        guard !mentions.isEmpty else { return }
        try await connection.run(
            """
            DELETE FROM idempotency_records WHERE EXISTS (
                SELECT 1 FROM unnest(\(mentions)::text[]) AS m(mention)
                WHERE strpos(lower(key), m.mention) > 0 OR strpos(lower(convert_from(body, 'UTF8')), m.mention) > 0)
            """, logger: logger)
    }
}
