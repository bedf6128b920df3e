/// The fourth schema step on PostgreSQL: the loyalty points ledger (as `LedgerSchemaV4` on SQLite).
///
/// Append-only sources, lots and entries (a trigger refuses UPDATE and DELETE), a source once per customer
/// (`UNIQUE (customer, kind, key)`), foreign keys from lots and entries to their source and from entries to
/// their lot, and a cached balance that never goes below zero.
enum PostgresLedgerSchemaV4 {
    static let name = "v4 loyalty ledger"

    static let statements: [String] =
        [
            """
            CREATE TABLE loyalty_sources (
                customer TEXT COLLATE "C" NOT NULL,
                sequence INTEGER NOT NULL CHECK (sequence >= 0),
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                at TIMESTAMPTZ NOT NULL,
                reference TEXT,
                releases_lot INTEGER,
                refunded_minor BIGINT,
                accounted_points BIGINT,
                shortfall_points BIGINT NOT NULL CHECK (shortfall_points >= 0),
                PRIMARY KEY (customer, sequence),
                UNIQUE (customer, kind, key)
            )
            """,
            """
            CREATE TABLE loyalty_lots (
                customer TEXT COLLATE "C" NOT NULL,
                number INTEGER NOT NULL CHECK (number >= 0),
                source_kind TEXT NOT NULL,
                source_key TEXT NOT NULL,
                earned_at TIMESTAMPTZ NOT NULL,
                expires_at TIMESTAMPTZ,
                earned BIGINT NOT NULL CHECK (earned > 0),
                pending BOOLEAN NOT NULL,
                order_amount_minor BIGINT,
                order_currency TEXT CHECK (length(order_currency) = 3),
                CHECK ((order_amount_minor IS NULL) = (order_currency IS NULL)),
                PRIMARY KEY (customer, number),
                FOREIGN KEY (customer, source_kind, source_key) REFERENCES loyalty_sources (customer, kind, key)
            )
            """,
            """
            CREATE TABLE loyalty_entries (
                customer TEXT COLLATE "C" NOT NULL,
                sequence INTEGER NOT NULL CHECK (sequence >= 0),
                debit TEXT NOT NULL,
                credit TEXT NOT NULL CHECK (credit <> debit),
                points BIGINT NOT NULL CHECK (points > 0),
                source_kind TEXT NOT NULL,
                source_key TEXT NOT NULL,
                reason TEXT NOT NULL,
                at TIMESTAMPTZ NOT NULL,
                lot INTEGER NOT NULL,
                admin TEXT,
                PRIMARY KEY (customer, sequence),
                FOREIGN KEY (customer, lot) REFERENCES loyalty_lots (customer, number),
                FOREIGN KEY (customer, source_kind, source_key) REFERENCES loyalty_sources (customer, kind, key)
            )
            """,
            """
            CREATE TABLE loyalty_balances (
                customer TEXT COLLATE "C" PRIMARY KEY,
                available BIGINT NOT NULL CHECK (available >= 0),
                pending BIGINT NOT NULL CHECK (pending >= 0),
                entry_count INTEGER NOT NULL
            )
            """,
            """
            CREATE FUNCTION loyalty_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
            END
            $$
            """,
        ]
        + ["loyalty_sources", "loyalty_lots", "loyalty_entries"].map { table in
            """
            CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table)
            FOR EACH ROW EXECUTE FUNCTION loyalty_append_only()
            """
        }
}
