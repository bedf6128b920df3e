/// The fourth schema step: the loyalty points ledger (docs/storage.md, "The loyalty ledger").
///
/// Sources, lots and entries are append-only (triggers refuse UPDATE and DELETE); a source applies once per
/// customer (`UNIQUE (customer, kind, key)`), lots and entries refer to their source and entries to their lot
/// under foreign keys; the cached balance never goes below zero. Customers are the shop's customer ids as
/// text, without a foreign key: a loyalty member may exist before any order of theirs was imported.
enum LedgerSchemaV4 {
    static let name = "v4 loyalty ledger"

    static let statements: [String] =
        [
            """
            CREATE TABLE loyalty_sources (
                customer TEXT NOT NULL,
                sequence INTEGER NOT NULL CHECK (sequence >= 0),
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                at INTEGER NOT NULL,
                reference TEXT,
                releases_lot INTEGER,
                refunded_minor INTEGER,
                accounted_points INTEGER,
                shortfall_points INTEGER NOT NULL CHECK (shortfall_points >= 0),
                PRIMARY KEY (customer, sequence),
                UNIQUE (customer, kind, key)
            ) STRICT, WITHOUT ROWID
            """,
            """
            CREATE TABLE loyalty_lots (
                customer TEXT NOT NULL,
                number INTEGER NOT NULL CHECK (number >= 0),
                source_kind TEXT NOT NULL,
                source_key TEXT NOT NULL,
                earned_at INTEGER NOT NULL,
                expires_at INTEGER,
                earned INTEGER NOT NULL CHECK (earned > 0),
                pending INTEGER NOT NULL CHECK (pending IN (0, 1)),
                order_amount_minor INTEGER,
                order_currency TEXT CHECK (length(order_currency) = 3),
                CHECK ((order_amount_minor IS NULL) = (order_currency IS NULL)),
                PRIMARY KEY (customer, number),
                FOREIGN KEY (customer, source_kind, source_key) REFERENCES loyalty_sources (customer, kind, key)
            ) STRICT, WITHOUT ROWID
            """,
            """
            CREATE TABLE loyalty_entries (
                customer TEXT NOT NULL,
                sequence INTEGER NOT NULL CHECK (sequence >= 0),
                debit TEXT NOT NULL,
                credit TEXT NOT NULL CHECK (credit <> debit),
                points INTEGER NOT NULL CHECK (points > 0),
                source_kind TEXT NOT NULL,
                source_key TEXT NOT NULL,
                reason TEXT NOT NULL,
                at INTEGER NOT NULL,
                lot INTEGER NOT NULL,
                admin TEXT,
                PRIMARY KEY (customer, sequence),
                FOREIGN KEY (customer, lot) REFERENCES loyalty_lots (customer, number),
                FOREIGN KEY (customer, source_kind, source_key) REFERENCES loyalty_sources (customer, kind, key)
            ) STRICT, WITHOUT ROWID
            """,
            """
            CREATE TABLE loyalty_balances (
                customer TEXT PRIMARY KEY,
                available INTEGER NOT NULL CHECK (available >= 0),
                pending INTEGER NOT NULL CHECK (pending >= 0),
                entry_count INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID
            """,
        ]
        + ["loyalty_sources", "loyalty_lots", "loyalty_entries"].flatMap { table in
            ["UPDATE", "DELETE"].map { operation in
                """
                CREATE TRIGGER \(table)_append_only_\(operation.lowercased()) BEFORE \(operation) ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END
                """
            }
        }
}
