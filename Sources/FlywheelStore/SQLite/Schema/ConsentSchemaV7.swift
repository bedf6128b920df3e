/// The seventh schema step: the consent history (append-only, with opt-in proof) and the suppression list.
enum ConsentSchemaV7 {
    static let name = "v7 consent"

    static let statements: [String] = [
        """
        CREATE TABLE consent_changes (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            channel TEXT NOT NULL,
            state TEXT NOT NULL,
            source TEXT NOT NULL,
            changed_at INTEGER NOT NULL,
            requested_at INTEGER,
            request_source TEXT,
            request_ip TEXT,
            confirmed_at INTEGER,
            confirmation TEXT
        ) STRICT
        """,
        "CREATE INDEX consent_changes_by_customer ON consent_changes(customer_id, changed_at, id)",
        // Append-only: an entry is never changed (erasure deletes a customer's entries as a whole).
        """
        CREATE TRIGGER consent_changes_append_only BEFORE UPDATE ON consent_changes
        BEGIN SELECT RAISE(ABORT, 'consent_changes is append-only'); END
        """,
        """
        CREATE TABLE suppressions (
            channel TEXT NOT NULL,
            address_hash TEXT NOT NULL,
            address TEXT,
            cause TEXT NOT NULL,
            source TEXT NOT NULL,
            suppressed_at INTEGER NOT NULL,
            PRIMARY KEY (channel, address_hash)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX suppressions_by_address ON suppressions(address) WHERE address IS NOT NULL",
    ]
}
