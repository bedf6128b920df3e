import FlywheelCore
import Foundation
import GRDB

extension SQLiteStore {
    /// The loyalty part of an erasure, inside its transaction (docs/consent.md, "The ledger and erasure"): the
    /// erasure is recorded in `loyalty_erasures` (which the append-only triggers of `v15 ledger erasure`
    /// read), the customer's sources, lots, entries and cached balance are renamed to the pseudonym, referral
    /// keys and sign-up references naming them in other ledgers follow, and their imported member record is
    /// renamed without its referral code and link. Foreign keys are checked at commit (the rename goes table
    /// by table).
    static func eraseLoyalty(_ erasure: CustomerErasure, _ db: Database) throws {
        let id = erasure.customerExternalID
        let pseudonym = erasure.pseudonym
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        try db.execute(
            sql: "INSERT INTO loyalty_erasures (pseudonym, erased_at) VALUES (?, ?)",
            arguments: [pseudonym, EpochMilliseconds.from(erasure.erasedAt)])
        // Referral sources naming the customer in any ledger (the index on (kind, key) finds them): the
        // ledgers they are in, and their keys' new spelling.
        let prefix = id + ":"
        let referrals = try Row.fetchAll(
            db,
            sql: """
                SELECT customer, key FROM loyalty_sources
                WHERE kind = 'referral' AND key >= ?1 AND key < ?2
                """,
            arguments: [prefix, id + ";"])
        for table in ["loyalty_sources", "loyalty_lots", "loyalty_entries", "loyalty_balances"] {
            try db.execute(sql: "UPDATE \(table) SET customer = ? WHERE customer = ?", arguments: [pseudonym, id])
        }
        for row in referrals {
            let customer: String = row["customer"]
            let owner = customer == id ? pseudonym : customer
            let key: String = row["key"]
            let renamed = pseudonym + key.dropFirst(id.count)
            try db.execute(
                sql: "UPDATE loyalty_sources SET key = ? WHERE customer = ? AND kind = 'referral' AND key = ?",
                arguments: [renamed, owner, key])
            for table in ["loyalty_lots", "loyalty_entries"] {
                try db.execute(
                    sql: """
                        UPDATE \(table) SET source_key = ?
                        WHERE customer = ? AND source_kind = 'referral' AND source_key = ?
                        """,
                    arguments: [renamed, owner, key])
            }
        }
        try db.execute(
            sql: "UPDATE loyalty_sources SET reference = ? WHERE kind = 'referral' AND key = 'signup' AND reference = ?",
            arguments: [pseudonym, id])
        try db.execute(
            sql: """
                UPDATE loyalty_imported_members SET customer = ?, referral_code = NULL, referral_link = NULL
                WHERE customer = ?
                """,
            arguments: [pseudonym, id])
    }

    /// Deletes the stored idempotent answers whose key or body mentions the person (case-insensitive for
    /// ASCII letters, as SQLite's `lower`).
    static func forgetIdempotencyRecords(mentioning mentions: [String], _ db: Database) throws {
        for mention in mentions {
            try db.execute(
                sql: """
                    DELETE FROM idempotency_records
                    WHERE instr(lower(key), ?1) > 0 OR instr(lower(CAST(body AS TEXT)), ?1) > 0
                    """,
                arguments: [mention])
        }
    }
}
