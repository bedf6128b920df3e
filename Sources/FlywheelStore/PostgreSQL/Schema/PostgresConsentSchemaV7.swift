/// The seventh schema step on PostgreSQL: the consent history and the suppression list (as `ConsentSchemaV7`
/// on SQLite).
enum PostgresConsentSchemaV7 {
    static let name = "v7 consent"

    static let statements: [String] = [
        """
        CREATE TABLE consent_changes (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            customer_id BIGINT NOT NULL REFERENCES customers(id),
            channel TEXT NOT NULL,
            state TEXT NOT NULL,
            source TEXT NOT NULL,
            changed_at TIMESTAMPTZ NOT NULL,
            requested_at TIMESTAMPTZ,
            request_source TEXT,
            request_ip TEXT,
            confirmed_at TIMESTAMPTZ,
            confirmation TEXT
        )
        """,
        "CREATE INDEX consent_changes_by_customer ON consent_changes(customer_id, changed_at, id)",
        // Append-only: an entry is never changed (erasure deletes a customer's entries as a whole).
        """
        CREATE FUNCTION consent_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'consent_changes is append-only'; END $$
        """,
        """
        CREATE TRIGGER consent_changes_append_only BEFORE UPDATE ON consent_changes
        FOR EACH ROW EXECUTE FUNCTION consent_changes_append_only()
        """,
        """
        CREATE TABLE suppressions (
            channel TEXT NOT NULL,
            address_hash TEXT COLLATE "C" NOT NULL,
            address TEXT,
            cause TEXT NOT NULL,
            source TEXT NOT NULL,
            suppressed_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (channel, address_hash)
        )
        """,
        "CREATE INDEX suppressions_by_address ON suppressions(address) WHERE address IS NOT NULL",
    ]
}
