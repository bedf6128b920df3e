/// The fifteenth schema step on PostgreSQL: erasure reaches the loyalty ledger (as `LedgerErasureSchemaV15` on
/// SQLite; docs/consent.md, "The ledger and erasure").
///
/// `loyalty_erasures` records each erasure (pseudonym and time). The append-only function now lets an `UPDATE`
/// through only when every column but the names (`customer`, `key`, `source_key`, `reference`) is unchanged
/// and each changed name is a recorded pseudonym (a key's part before the first `:`); `DELETE` stays refused.
/// The ledger's foreign keys become `DEFERRABLE` (still checked at once unless a transaction defers them), so
/// the erasure can rename a customer's sources, lots and entries one table after the other.
enum PostgresLedgerErasureSchemaV15 {
    static let name = "v15 ledger erasure"

    static let statements: [String] = [
        """
        CREATE TABLE loyalty_erasures (
            pseudonym TEXT COLLATE "C" PRIMARY KEY CHECK (strpos(pseudonym, ':') = 0 AND length(pseudonym) > 0),
            erased_at TIMESTAMPTZ NOT NULL
        )
        """,
        "CREATE INDEX loyalty_sources_by_kind_key ON loyalty_sources (kind, key)",
        """
        CREATE OR REPLACE FUNCTION loyalty_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            names CONSTANT text[] := ARRAY['customer', 'key', 'source_key', 'reference'];
            n jsonb;
            o jsonb;
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                n := to_jsonb(NEW);
                o := to_jsonb(OLD);
                IF (n - names) = (o - names)
                    AND (n->'customer' IS NOT DISTINCT FROM o->'customer'
                        OR EXISTS (SELECT 1 FROM loyalty_erasures WHERE pseudonym = n->>'customer'))
                    AND (n->'key' IS NOT DISTINCT FROM o->'key'
                        OR (strpos(n->>'key', ':') > 0
                            AND EXISTS (SELECT 1 FROM loyalty_erasures WHERE pseudonym = split_part(n->>'key', ':', 1))))
                    AND (n->'source_key' IS NOT DISTINCT FROM o->'source_key'
                        OR (strpos(n->>'source_key', ':') > 0
                            AND EXISTS (SELECT 1 FROM loyalty_erasures WHERE pseudonym = split_part(n->>'source_key', ':', 1))))
                    AND (n->'reference' IS NOT DISTINCT FROM o->'reference'
                        OR EXISTS (SELECT 1 FROM loyalty_erasures WHERE pseudonym = n->>'reference'))
                THEN
                    RETURN NEW;
                END IF;
            END IF;
            RAISE EXCEPTION '% is append-only (an erasure may only rename the customer)', TG_TABLE_NAME;
        END
        $$
        """,
        """
        DO $$
        DECLARE
            c record;
        BEGIN
            FOR c IN
                SELECT conname, conrelid::regclass AS tab FROM pg_constraint
                WHERE contype = 'f' AND conrelid IN ('loyalty_lots'::regclass, 'loyalty_entries'::regclass)
            LOOP
                EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', c.tab, c.conname);
            END LOOP;
        END
        $$
        """,
    ]
}
